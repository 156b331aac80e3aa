"""The demo's bank: thirty fictional experiences of cities of the demo's countries, written in
Spanish or Portuguese, some translated into the other; most published, a few waiting for the
editors. Running it again changes nothing."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone

from accounts.models import Country, MemberCity, User
from experiences import search
from experiences.models import Event, Experience, Tag, Text

PLACES = {
    "Rosario": (-32.95, -60.65), "Córdoba": (-31.42, -64.18), "Santos": (-23.96, -46.33),
    "Sorocaba": (-23.50, -47.46), "Medellín": (6.25, -75.57), "Guadalajara": (20.67, -103.35),
    "Montevideo": (-34.90, -56.16), "Villa María": (-32.41, -63.24),
    "Campinas": (-22.91, -47.06), "Pasto": (1.21, -77.28), "Zapopan": (20.72, -103.39),
    "Paysandú": (-32.32, -58.08),
}  # fmt: skip

# (city, country, language, year, status, themes, title, summary, description, translation)
EXPERIENCES: list[tuple[str, str, str, int, str, list[str], str, str, str, tuple[str, str] | None]] = [
    ("Rosario", "AR", "es", 2019, "evaluated", ["p05", "p11", "youth", "older-people"],
     "Plazas que enseñan: talleres intergeneracionales en el espacio público",
     "Personas mayores y jóvenes comparten oficios y juegos en las plazas de los barrios los sábados.",
     "La municipalidad abre cada sábado talleres en doce plazas: carpintería, ajedrez, huerta y "
     "memoria barrial. Los centros de jubilados y las escuelas secundarias los coorganizan.",
     ("Praças que ensinam: oficinas intergeracionais no espaço público",
      "Pessoas idosas e jovens partilham ofícios e jogos nas praças dos bairros aos sábados.")),
    ("Rosario", "AR", "es", 2021, "running", ["p08", "participation", "young-people"],
     "Presupuesto participativo joven",
     "Chicas y chicos de 13 a 18 años deciden el destino del 5 % del presupuesto de obras.",
     "Asambleas en las escuelas, propuestas por distrito y votación digital y en papel. Las obras "
     "elegidas se ejecutan el año siguiente y se presentan en un acto público.", None),
    ("Córdoba", "AR", "es", 2018, "evaluated", ["p04", "culture", "children"],
     "Bibliotecas abiertas por la tarde",
     "Las bibliotecas barriales abren hasta las 21 h con propuestas de lectura para familias.",
     "Acuerdos con clubes y centros vecinales amplían el horario de quince bibliotecas. "
     "Voluntariado universitario acompaña la lectura y las tareas escolares.",
     ("Bibliotecas abertas à tarde",
      "As bibliotecas de bairro abrem até às 21 h com propostas de leitura para famílias.")),
    ("Córdoba", "AR", "es", 2022, "running", ["p13", "sustainability", "children"],
     "Caminos escolares seguros",
     "Recorridos señalizados y acompañados para que niñas y niños vayan a pie a la escuela.",
     "Mapeo participativo con estudiantes, reducción de velocidad en entornos escolares y "
     "comercios amigos que ofrecen refugio en el camino.", None),
    ("Villa María", "AR", "es", 2020, "idea", ["p17", "inclusion", "migrants"],
     "Mesa de bienvenida para familias migrantes",
     "Un punto único de orientación sobre escuela, salud y trámites para quienes llegan a la ciudad.",
     "La mesa reúne a las áreas de educación, salud y empleo y a organizaciones de migrantes; "
     "se proyecta abrir en la terminal de ómnibus.", None),
    ("Santos", "BR", "pt", 2017, "evaluated", ["p06", "p10", "culture"],
     "Roteiros da memória do porto",
     "Percursos guiados pelas escolas revelam a história do porto e dos seus trabalhadores.",
     "Professores e antigos estivadores criaram dez roteiros com fichas pedagógicas. Mais de "
     "8.000 estudantes participaram no último ano.",
     ("Recorridos de la memoria del puerto",
      "Recorridos guiados con las escuelas muestran la historia del puerto y de sus trabajadores.")),
    ("Santos", "BR", "pt", 2021, "running", ["p14", "older-people", "p05"],
     "Academias da terceira idade nas praias",
     "Equipamentos de exercício e monitores nas praias promovem a saúde das pessoas idosas.",
     "Programa da secretaria de saúde com universidades locais: avaliação física, caminhadas "
     "orientadas e encontros mensais sobre alimentação.", None),
    ("Sorocaba", "BR", "pt", 2019, "evaluated", ["p13", "sustainability", "educators"],
     "Escolas que cuidam das nascentes",
     "Cada escola adota uma nascente da bacia do rio e acompanha a qualidade da água.",
     "Formação de professores em educação ambiental, kits de análise e um painel público com os "
     "dados recolhidos pelos estudantes.",
     ("Escuelas que cuidan los manantiales",
      "Cada escuela adopta un manantial de la cuenca del río y sigue la calidad del agua.")),
    ("Sorocaba", "BR", "pt", 2023, "running", ["p16", "youth", "young-people"],
     "Primeiro emprego com mentoria",
     "Empresas locais oferecem estágios acompanhados por mentores a jovens de bairros periféricos.",
     "A prefeitura seleciona, forma e acompanha; as empresas comprometem-se com seis meses de "
     "estágio remunerado.", None),
    ("Campinas", "BR", "pt", 2018, "evaluated", ["p03", "inclusion", "disabilities"],
     "Cidade acessível: auditorias com pessoas com deficiência",
     "Equipas mistas avaliam a acessibilidade de escolas, praças e transportes.",
     "Os relatórios orientam as obras anuais; as pessoas com deficiência são remuneradas como "
     "consultoras.", None),
    ("Campinas", "BR", "pt", 2022, "running", ["p19", "participation", "everyone"],
     "Rede de voluntariado de bairro",
     "Uma plataforma liga associações de bairro a pessoas que querem doar tempo.",
     "Formação de coordenadores voluntários, seguro coletivo e reconhecimento público anual.",
     ("Red de voluntariado barrial",
      "Una plataforma conecta asociaciones barriales con personas que quieren donar su tiempo.")),
    ("Medellín", "CO", "es", 2016, "evaluated", ["p11", "urban-planning", "p17"],
     "Parques biblioteca en las laderas",
     "Equipamientos culturales en los barrios de ladera como centros de encuentro y aprendizaje.",
     "Cada parque biblioteca combina biblioteca, salas de formación y espacio público, con "
     "programación decidida con las juntas de acción comunal.",
     ("Parques biblioteca nas encostas",
      "Equipamentos culturais nos bairros das encostas como centros de encontro e aprendizagem.")),
    ("Medellín", "CO", "es", 2020, "running", ["p15", "educators", "p01"],
     "Escuela de maestros de ciudad",
     "Formación continua para docentes sobre la ciudad como recurso educativo.",
     "Diplomados cortos, salidas pedagógicas y una comunidad de práctica con 600 docentes.", None),
    ("Medellín", "CO", "es", 2023, "idea", ["p20", "youth", "young-people"],
     "Laboratorio de ciudadanía global",
     "Jóvenes investigan los Objetivos de Desarrollo Sostenible en su comuna.",
     "Se propone un laboratorio con universidades y colectivos juveniles; primera cohorte en "
     "2025.", None),
    ("Pasto", "CO", "es", 2019, "running", ["p10", "culture", "children"],
     "El carnaval va a la escuela",
     "Artesanos del carnaval enseñan sus técnicas en las escuelas públicas.",
     "Talleres de maestros del carnaval de Negros y Blancos durante todo el año; las obras "
     "infantiles desfilan el 3 de enero.", None),
    ("Guadalajara", "MX", "es", 2018, "evaluated", ["p08", "participation", "everyone"],
     "Consejos vecinales de educación",
     "Vecinas y vecinos proponen y siguen los proyectos educativos de su colonia.",
     "Consejos electos cada dos años, con presupuesto propio y rendición de cuentas pública.",
     ("Conselhos de vizinhança para a educação",
      "Moradoras e moradores propõem e acompanham os projetos educativos do seu bairro.")),
    ("Guadalajara", "MX", "es", 2021, "running", ["p02", "p09", "participation"],
     "Indicadores de ciudad educadora",
     "Un tablero público sigue veinte indicadores ligados a los principios de la Carta.",
     "La dirección de planeación publica cada semestre los datos; un comité ciudadano los "
     "comenta.", None),
    ("Zapopan", "MX", "es", 2022, "running", ["p18", "inclusion", "women"],
     "Cuidar a quien cuida",
     "Centros de cuidado infantil en horario extendido para madres trabajadoras.",
     "Cinco centros con horario de 7 a 21 h y formación para cuidadoras comunitarias.", None),
    ("Zapopan", "MX", "es", 2017, "evaluated", ["p07", "p01", "everyone"],
     "Puntos de acceso digital en mercados",
     "Internet gratuito y acompañamiento digital en los mercados municipales.",
     "Personas mediadoras ayudan con trámites en línea y cursos breves de alfabetización digital.",
     None),
    ("Montevideo", "UY", "es", 2015, "evaluated", ["p04", "culture", "young-people"],
     "Usinas culturales",
     "Estudios de música y audiovisual abiertos a jóvenes en barrios periféricos.",
     "Equipamiento profesional, tutores y producción de obras propias; ferias anuales.",
     ("Usinas culturais",
      "Estúdios de música e audiovisual abertos a jovens em bairros periféricos.")),
    ("Montevideo", "UY", "es", 2020, "running", ["p13", "sustainability", "families"],
     "Compostaje barrial",
     "Familias y escuelas compostan los residuos orgánicos en puntos de barrio.",
     "Composteras comunitarias, talleres y devolución del compost a huertas escolares.", None),
    ("Paysandú", "UY", "es", 2021, "running", ["p06", "p13", "children"],
     "El río como aula",
     "Salidas educativas por el río Uruguay para conocer su ecosistema.",
     "Guardaparques y docentes preparan las salidas; cada escuela hace una al año.", None),
    ("Paysandú", "UY", "es", 2019, "evaluated", ["p12", "p14", "older-people"],
     "Centros de barrio con servicios de salud",
     "Los centros comunales suman consultas de enfermería y actividades físicas.",
     "Acuerdo con el prestador público de salud; evaluación con las personas usuarias.", None),
    ("Rosario", "AR", "es", 2016, "evaluated", ["p03", "inclusion", "women"],
     "Escuela de oficios para mujeres",
     "Formación en oficios no tradicionales para mujeres de barrios populares.",
     "Electricidad, plomería y construcción con certificación; bolsa de empleo municipal.",
     ("Escola de ofícios para mulheres",
      "Formação em ofícios não tradicionais para mulheres de bairros populares.")),
    ("Santos", "BR", "pt", 2024, "idea", ["p20", "participation", "young-people"],
     "Parlamento jovem da cidade",
     "Estudantes debatem e votam propostas para a câmara municipal.",
     "Eleição nas escolas, sessões mensais e resposta formal da câmara a cada proposta.", None),
    ("Córdoba", "AR", "es", 2023, "running", ["p19", "p17", "everyone"],
     "Clubes de barrio como centros educativos",
     "Los clubes deportivos ofrecen apoyo escolar y talleres culturales.",
     "Convenios con 40 clubes, becas para coordinadores y formación en protección de derechos.",
     None),
    ("Campinas", "BR", "pt", 2020, "evaluated", ["p14", "childhood", "families"],
     "Primeira infância no centro de saúde",
     "Grupos de famílias com bebés aprendem juntos sobre desenvolvimento e brincadeira.",
     "Encontros quinzenais com enfermeiras e educadoras; material em linguagem simples.", None),
    # Waiting for the editors.
    ("Medellín", "CO", "es", 2024, "idea", ["p05", "older-people"],
     "Abuelas y abuelos cuentacuentos",
     "Personas mayores leen cuentos en los jardines infantiles.",
     "Propuesta para 2026 con la secretaría de las personas mayores.", None),
    ("Sorocaba", "BR", "pt", 2024, "idea", ["p11", "urban-planning"],
     "Ruas de brincar aos domingos",
     "Ruas fechadas ao trânsito para brincadeiras de crianças aos domingos.",
     "Piloto em três bairros com associações de moradores.", None),
    ("Guadalajara", "MX", "es", 2024, "running", ["p16", "youth"],
     "Ferias de orientación vocacional",
     "Ferias en las preparatorias con universidades y empresas.",
     "Dos ediciones; falta la evaluación.", None),
]  # fmt: skip
WAITING = 3  # the last ones are proposed, not published


@transaction.atomic
def seed(*, created: Counter[str]) -> None:
    if Experience.objects.exists():
        return
    editor = User.objects.filter(email="coordinator@aula.example").first()
    tags = {t.code: t for t in Tag.objects.all()}
    countries = {c.iso_code: c for c in Country.objects.all()}
    cities = {str(c): c for c in MemberCity.objects.prefetch_related("translations")}
    now = timezone.now()
    texts = []
    for number, row in enumerate(EXPERIENCES):
        city, iso, language, year, status, codes, title, summary, description, other = row
        country = countries.get(iso)
        if country is None:
            continue
        member = cities.get(city)
        waiting = number >= len(EXPERIENCES) - WAITING
        published_at = now - datetime.timedelta(days=3 * (len(EXPERIENCES) - number))
        latitude, longitude = PLACES[city]
        experience = Experience.objects.create(
            delegation=member.delegation if member else country.delegation,
            member_city=member,
            city_name="" if member else city,
            country=country,
            latitude=latitude,
            longitude=longitude,
            year_started=year,
            status=status,
            language=language,
            stage=Experience.Stage.PROPOSED if waiting else Experience.Stage.PUBLISHED,
            proposer=editor,
            credit=f"Equipo de educación de {city}"
            if language == "es"
            else f"Equipe de educação de {city}",
            consent_at=published_at,
            published_at=None if waiting else published_at,
        )
        experience.tags.set([tags[c] for c in codes if c in tags])
        texts.append(
            Text.objects.create(
                experience=experience,
                language=language,
                title=title,
                summary=summary,
                description=description,
            )
        )
        if other:
            texts.append(
                Text.objects.create(
                    experience=experience,
                    language="pt" if language == "es" else "es",
                    title=other[0],
                    summary=other[1],
                    description=other[1],
                )
            )
        Event.objects.create(experience=experience, actor=editor, action=Event.Action.PROPOSED)
        if not waiting:
            Event.objects.create(experience=experience, actor=editor, action=Event.Action.PUBLISHED)
        created["experiences"] += 1
    search.index(texts)
