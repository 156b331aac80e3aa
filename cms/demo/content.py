"""Demo course content for Aula, the virtual classroom of the International Association of
Educating Cities (AICE / IAEC), written first for its Latin American delegation.

Pure data, read by ``cms.demo.seed``. Each course carries its catalogue texts in five languages
(``i18n``) and its modules and lessons in Spanish; CEC-101, the Charter, also carries its
modules and lessons in the four other languages (``modules_i18n``: Brazilian Portuguese here,
French, English and Catalan in ``charter_fr``, ``charter_en`` and ``charter_ca``).

A lesson body is a list of ``(block_type, value)`` pairs:
``("heading", text)``, ``("paragraph", html)`` or ``("callout", {kind, text, attribution})``.
"""

from __future__ import annotations

from typing import Any

from cms.demo import charter_ca, charter_en, charter_fr

CEC_101: dict[str, Any] = {
    "code": "CEC-101",
    "slug": "carta-ciudades-educadoras",
    "nominal_hours": 8,
    "i18n": {
        "es": {
            "title": "La Carta de Ciudades Educadoras como hoja de ruta",
            "summary": (
                "Un recorrido por la historia, los principios y los usos prácticos de la Carta de "
                "Ciudades Educadoras para convertirla en la guía del gobierno local desde el "
                "primer día de mandato."
            ),
            "certificate_title": "La Carta de Ciudades Educadoras como hoja de ruta",
            "certificate_description": (
                "Completó un curso sobre la historia y los principios de la Carta de Ciudades "
                "Educadoras y su aplicación a la planificación, la gestión y la evaluación "
                "municipal."
            ),
            "audience": (
                "Autoridades electas, equipos directivos y personal técnico de gobiernos locales, "
                "en especial quienes inician su mandato o se incorporan a una ciudad miembro de la "
                "AICE."
            ),
            "duration": "4 semanas, unas 2 horas por semana",
            "learning_outcomes": [
                (
                    "Explicar el origen y la evolución de la Carta desde 1990 hasta su versión de "
                    "2020."
                ),
                "Relacionar los principios de la Carta con las competencias de su gobierno local.",
                "Diseñar un plan de acción para los primeros 100 días como ciudad educadora.",
                "Proponer indicadores sencillos para evaluar el proyecto educador de la ciudad.",
            ],
        },
        "pt": {
            "title": "A Carta das Cidades Educadoras como roteiro",
            "summary": (
                "Um percurso pela história, pelos princípios e pelos usos práticos da Carta das "
                "Cidades Educadoras para transformá-la no guia do governo local desde o primeiro "
                "dia de mandato."
            ),
            "certificate_title": "A Carta das Cidades Educadoras como roteiro",
            "certificate_description": (
                "Concluiu um curso sobre a história e os princípios da Carta das Cidades "
                "Educadoras e sua aplicação ao planejamento, à gestão e à avaliação municipal."
            ),
            "audience": (
                "Autoridades eleitas, equipes dirigentes e corpo técnico de governos locais, "
                "especialmente quem está iniciando o mandato ou chegando a uma cidade membro da "
                "AICE."
            ),
            "duration": "4 semanas, cerca de 2 horas por semana",
            "learning_outcomes": [
                "Explicar a origem e a evolução da Carta desde 1990 até sua versão de 2020.",
                "Relacionar os princípios da Carta com as competências do seu governo local.",
                "Elaborar um plano de ação para os primeiros 100 dias como cidade educadora.",
                "Propor indicadores simples para avaliar o projeto educador da cidade.",
            ],
        },
        "fr": {
            "title": "La Charte des villes éducatrices comme feuille de route",
            "summary": (
                "Un parcours à travers l'histoire, les principes et les usages pratiques de la "
                "Charte des villes éducatrices, pour en faire le guide de l'action locale dès le "
                "premier jour du mandat."
            ),
            "certificate_title": "La Charte des villes éducatrices comme feuille de route",
            "certificate_description": (
                "A suivi avec succès un cours consacré à l'histoire et aux principes de la Charte "
                "des villes éducatrices ainsi qu'à leur application à la planification, à la "
                "gestion et à l'évaluation municipales."
            ),
            "audience": (
                "Élus, équipes de direction et personnel technique des collectivités locales, en "
                "particulier celles et ceux qui entament leur mandat ou rejoignent une ville "
                "membre de l'AIVE."
            ),
            "duration": "4 semaines, environ 2 heures par semaine",
            "learning_outcomes": [
                "Expliquer l'origine et l'évolution de la Charte, de 1990 à sa version de 2020.",
                "Relier les principes de la Charte aux compétences de votre collectivité.",
                (
                    "Concevoir un plan d'action pour les 100 premiers jours en tant que ville "
                    "éducatrice."
                ),
                "Proposer des indicateurs simples pour évaluer le projet éducatif de la ville.",
            ],
        },
        "en": {
            "title": "The Charter of Educating Cities as a roadmap",
            "summary": (
                "A journey through the history, principles and practical uses of the Charter of "
                "Educating Cities, so that it can guide local government from the first day in "
                "office."
            ),
            "certificate_title": "The Charter of Educating Cities as a Roadmap",
            "certificate_description": (
                "Completed a course on the history and principles of the Charter of Educating "
                "Cities and their application to municipal planning, management and evaluation."
            ),
            "audience": (
                "Elected officials, senior managers and technical staff of local governments, "
                "especially those starting their term of office or joining an IAEC member city."
            ),
            "duration": "4 weeks, about 2 hours a week",
            "learning_outcomes": [
                "Explain the origins and evolution of the Charter from 1990 to its 2020 version.",
                "Relate the principles of the Charter to the powers of your local government.",
                "Design an action plan for your first 100 days as an educating city.",
                "Propose simple indicators to evaluate the city's educational project.",
            ],
        },
        "ca": {
            "title": "La Carta de Ciutats Educadores com a full de ruta",
            "summary": (
                "Un recorregut per la història, els principis i els usos pràctics de la Carta de "
                "Ciutats Educadores per convertir-la en la guia del govern local des del primer "
                "dia de mandat."
            ),
            "certificate_title": "La Carta de Ciutats Educadores com a full de ruta",
            "certificate_description": (
                "Ha completat un curs sobre la història i els principis de la Carta de Ciutats "
                "Educadores i la seva aplicació a la planificació, la gestió i l'avaluació "
                "municipals."
            ),
            "audience": (
                "Càrrecs electes, equips directius i personal tècnic dels governs locals, "
                "especialment els qui comencen el mandat o s'incorporen a una ciutat membre de "
                "l'AICE."
            ),
            "duration": "4 setmanes, unes 2 hores per setmana",
            "learning_outcomes": [
                "Explicar l'origen i l'evolució de la Carta des de 1990 fins a la versió de 2020.",
                (
                    "Relacionar els principis de la Carta amb les competències del vostre govern "
                    "local."
                ),
                "Dissenyar un pla d'acció per als primers 100 dies com a ciutat educadora.",
                "Proposar indicadors senzills per avaluar el projecte educador de la ciutat.",
            ],
        },
    },
    "modules": [
        {
            "slug": "origenes-y-sentido",
            "title": "Orígenes y sentido de la Carta",
            "intro": (
                "De dónde viene la Carta de Ciudades Educadoras, cómo ha evolucionado y qué "
                "propone. Este módulo ofrece las claves para leerla con los ojos de quien gobierna "
                "una ciudad."
            ),
            "lessons": [
                {
                    "slug": "de-barcelona-1990-a-la-carta-2020",
                    "title": "De Barcelona 1990 a la Carta de 2020",
                    "summary": (
                        "La historia de la Carta, desde el primer congreso de Barcelona hasta la "
                        "versión actualizada de 2020, y el papel de la AICE."
                    ),
                    "minutes": 8,
                    "body": [
                        ("heading", "Una idea que nace en las ciudades"),
                        (
                            "paragraph",
                            "<p>En noviembre de 1990, Barcelona acogió el I Congreso "
                            "Internacional de Ciudades Educadoras. Representantes de gobiernos "
                            "locales de distintos continentes llegaron con una convicción "
                            "compartida: la educación no ocurre solo en la escuela, y la ciudad, "
                            "con sus calles, servicios, instituciones culturales y redes "
                            "vecinales, educa o deseduca a diario a quienes la habitan. Del "
                            "congreso salió la <strong>Carta de Ciudades Educadoras</strong>, un "
                            "documento breve que proponía asumir esa responsabilidad de forma "
                            "deliberada, en lugar de dejarla al azar.</p>"
                            "<p>La Carta no es una ley ni un tratado internacional. Es un "
                            "compromiso político voluntario que asumen los gobiernos locales y "
                            "que se apoya en grandes acuerdos de derechos humanos, como la "
                            "Declaración Universal de Derechos Humanos, el Pacto Internacional de "
                            "Derechos Económicos, Sociales y Culturales, la Convención sobre los "
                            "Derechos del Niño y la Declaración Mundial sobre Educación para "
                            "Todos. Su fuerza procede de la adhesión de cada municipio y del "
                            "trabajo en red.</p>",
                        ),
                        ("heading", "Revisiones sucesivas"),
                        (
                            "paragraph",
                            "<p>El texto ha ido cambiando junto con las ciudades. En el III "
                            "Congreso, celebrado en Bolonia en 1994, la Carta fue revisada y el "
                            "movimiento se constituyó formalmente como <strong>Asociación "
                            "Internacional de Ciudades Educadoras (AICE)</strong>. Diez años "
                            "después, en el VIII Congreso de Génova (2004), se actualizó de nuevo "
                            "para responder a fenómenos como la globalización, las migraciones y "
                            "la expansión de las tecnologías de la información.</p>"
                            "<p>En 2020, al cumplirse treinta años de la proclamación original, "
                            "la Asociación presentó una versión actualizada. La Carta de 2020 "
                            "conserva la esencia del texto anterior, pero refuerza la perspectiva "
                            "de género y la sostenibilidad, incorpora un principio específico "
                            "sobre salud y cuidados, da más peso a la cultura y aborda la brecha "
                            "digital y el uso de grandes volúmenes de datos. Para quien hoy "
                            "gobierna una ciudad, es esta versión la que conviene leer y "
                            "citar.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Lea la Carta completa con su equipo durante la primera semana "
                                    "de gestión y anote, junto a cada principio, qué área "
                                    "municipal podría hacerse cargo de él. Ese ejercicio sencillo "
                                    "ya es un primer mapa de responsabilidades."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Una red con presencia latinoamericana"),
                        (
                            "paragraph",
                            "<p>Hoy la AICE reúne a cientos de gobiernos locales de decenas de "
                            "países. Su Secretariado tiene sede en Barcelona, y la Asociación se "
                            "organiza también mediante delegaciones y redes territoriales. En "
                            "América Latina, la Delegación con sede en Rosario (Argentina) "
                            "acompaña a las ciudades de la región, promueve el intercambio entre "
                            "ellas y organiza espacios de formación como esta Aula. Cada 30 de "
                            "noviembre, aniversario de la primera Carta, las ciudades miembro "
                            "celebran el Día Internacional de la Ciudad Educadora con actividades "
                            "abiertas a la ciudadanía.</p>",
                        ),
                    ],
                },
                {
                    "slug": "tres-ejes-de-la-carta",
                    "title": "Los tres ejes de la Carta: derecho, compromiso y servicio",
                    "summary": (
                        "Cómo se organiza la Carta, qué ideas la atraviesan y cómo leerla desde "
                        "las competencias reales de un municipio."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Una estructura en tres partes"),
                        (
                            "paragraph",
                            "<p>La Carta se abre con un preámbulo y desarrolla veinte principios "
                            "agrupados en tres apartados. El primero, <strong>el derecho a la "
                            "ciudad educadora</strong>, afirma que todas las personas que viven "
                            "en la ciudad deben poder disfrutar, en condiciones de libertad e "
                            "igualdad, de sus oportunidades de formación, cultura y desarrollo "
                            "personal. El derecho a la educación se amplía así a todo el "
                            "territorio y a todas las edades.</p>"
                            "<p>El segundo apartado, <strong>el compromiso de la ciudad</strong>, "
                            "describe lo que el gobierno local debe hacer para que ese derecho "
                            "sea real: conocer la situación y las necesidades de sus habitantes, "
                            "planificar el espacio urbano con criterios educativos, cuidar y "
                            "proyectar su identidad, ofrecer información comprensible y abrir "
                            "cauces de participación. El tercero, <strong>al servicio integral de "
                            "las personas</strong>, se centra en la salud, el acompañamiento a "
                            "las familias, la inclusión de quienes sufren discriminación o "
                            "exclusión y el apoyo al asociacionismo y al voluntariado.</p>",
                        ),
                        ("heading", "Tres ideas que atraviesan todo el texto"),
                        (
                            "paragraph",
                            "<p>Más allá de su estructura, la Carta se apoya en tres ideas que "
                            "conviene tener siempre presentes. La primera es la <strong>educación "
                            "a lo largo de toda la vida</strong>: la ciudad educa a la infancia, "
                            "pero también a jóvenes, personas adultas y mayores. La segunda es la "
                            "<strong>integración de lo formal, lo no formal y lo "
                            "informal</strong>: la escuela, los talleres de un centro cultural y "
                            "lo que se aprende al usar una plaza o un autobús forman parte de un "
                            "mismo ecosistema. La tercera es la <strong>transversalidad</strong>: "
                            "cada decisión municipal, desde el trazado de una calle hasta el "
                            "horario de una biblioteca, tiene efectos educativos, y la Carta pide "
                            "tenerlos en cuenta de manera explícita.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "quote",
                                "text": (
                                    "Todas las políticas de la ciudad educan; el desafío es que lo "
                                    "hagan de forma intencionada, coherente y a favor de la "
                                    "igualdad."
                                ),
                                "attribution": (
                                    "Idea central de la Carta de Ciudades Educadoras (2020), en "
                                    "paráfrasis"
                                ),
                            },
                        ),
                        ("heading", "Leer la Carta desde las competencias municipales"),
                        (
                            "paragraph",
                            "<p>Un error frecuente es pensar que la Carta solo concierne a la "
                            "secretaría o dirección de educación. En la práctica, muchos "
                            "gobiernos locales de la región tienen competencias limitadas sobre "
                            "la escuela, pero amplias sobre urbanismo, cultura, deporte, "
                            "desarrollo social, ambiente o tránsito. Precisamente ahí reside "
                            "buena parte del potencial educador de la ciudad.</p>"
                            "<p>Una forma útil de comenzar es elaborar una tabla con los veinte "
                            "principios en las filas y las áreas del organigrama en las columnas, "
                            "y marcar dónde ya existen programas, dónde hay vacíos y dónde se "
                            "producen contradicciones; por ejemplo, una campaña de movilidad "
                            "sostenible que convive con calles hostiles para peatones. Esa tabla "
                            "será la base del trabajo del próximo módulo.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "de-la-carta-a-la-gestion",
            "title": "De la Carta a la gestión municipal",
            "intro": (
                "Cómo traducir los principios de la Carta en decisiones de gobierno: los primeros "
                "cien días, la coordinación entre áreas y la evaluación."
            ),
            "lessons": [
                {
                    "slug": "primeros-100-dias",
                    "title": "Los primeros 100 días: adherirse y organizarse",
                    "summary": (
                        "Una secuencia práctica para incorporar la perspectiva de ciudad educadora "
                        "al inicio del mandato."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Por qué importan los primeros meses"),
                        (
                            "paragraph",
                            "<p>Los primeros cien días de un mandato marcan el tono de la "
                            "gestión. Es el momento en que se definen prioridades, se nombran "
                            "equipos y se elaboran el plan de gobierno y el presupuesto. "
                            "Incorporar la perspectiva de ciudad educadora en esta etapa es mucho "
                            "más sencillo que intentar añadirla después, cuando los programas ya "
                            "están en marcha y cada área defiende su propia agenda.</p>",
                        ),
                        ("heading", "Una secuencia posible"),
                        (
                            "paragraph",
                            "<p>La siguiente secuencia no es una receta, pero recoge prácticas "
                            "habituales en ciudades de la red:</p>"
                            "<ol>"
                            "<li><strong>Días 1 a 20.</strong> Designar una persona responsable "
                            "política y un equipo técnico de referencia. Si la ciudad ya es "
                            "miembro de la AICE, revisar los compromisos asumidos por la "
                            "administración anterior; si no lo es, estudiar el procedimiento de "
                            "adhesión, que requiere un acuerdo formal del gobierno local por el "
                            "que asume los principios de la Carta.</li>"
                            "<li><strong>Días 21 a 50.</strong> Realizar un diagnóstico rápido: "
                            "qué programas con intención educativa existen, en qué áreas, con qué "
                            "presupuesto y a qué públicos llegan. Escuchar a escuelas, "
                            "organizaciones sociales, universidades y consejos de "
                            "participación.</li>"
                            "<li><strong>Días 51 a 80.</strong> Crear o reactivar una mesa "
                            "interáreas que se reúna periódicamente y acordar dos o tres "
                            "prioridades compartidas para el primer año.</li>"
                            "<li><strong>Días 81 a 100.</strong> Incorporar esas prioridades al "
                            "plan de gobierno y al presupuesto, y comunicarlas públicamente.</li>"
                            "</ol>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "La adhesión a la AICE no es un trámite simbólico: supone "
                                    "compartir experiencias, participar en la vida asociativa y "
                                    "dar cuenta de los avances. Conviene que el acuerdo de "
                                    "adhesión cuente con el mayor respaldo político posible para "
                                    "que sobreviva a los cambios de gobierno."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Construir apoyos"),
                        (
                            "paragraph",
                            "<p>La ciudad educadora no puede ser el proyecto de una sola persona "
                            "ni de un solo partido. Las experiencias más duraderas son las que "
                            "lograron consenso en el órgano legislativo local, implicaron al "
                            "personal municipal de carrera y tejieron alianzas con la sociedad "
                            "civil. Dedique tiempo a explicar la Carta a concejales de la "
                            "oposición, a las organizaciones del personal municipal y a los "
                            "medios locales. Un proyecto comprendido y compartido resiste mejor "
                            "los ciclos electorales.</p>"
                            "<p>Por último, aproveche la red. Las ciudades miembro pueden "
                            "consultar experiencias documentadas por otras ciudades, participar "
                            "en encuentros y redes territoriales y pedir orientación a la "
                            "Delegación para América Latina. Partir de lo que otras ciudades ya "
                            "aprendieron ahorra tiempo y evita errores conocidos.</p>",
                        ),
                    ],
                },
                {
                    "slug": "transversalidad-y-evaluacion",
                    "title": "Transversalidad y evaluación del proyecto educador",
                    "summary": (
                        "Cómo coordinar a las distintas áreas municipales y cómo evaluar los "
                        "avances con pocos indicadores bien elegidos."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Del organigrama a la mesa interáreas"),
                        (
                            "paragraph",
                            "<p>La transversalidad es probablemente el principio más difícil de "
                            "llevar a la práctica. Las administraciones están organizadas por "
                            "sectores, con presupuestos, normas y culturas propias, y la "
                            "cooperación entre áreas rara vez surge de forma espontánea. Por eso "
                            "las ciudades educadoras suelen crear una estructura estable de "
                            "coordinación: una comisión o mesa interáreas presidida por una "
                            "autoridad con peso político suficiente, con representantes técnicos "
                            "de cada secretaría y un calendario de reuniones fijo.</p>"
                            "<p>Para que esa mesa no se convierta en una formalidad, conviene "
                            "encargarle tareas concretas: revisar juntos los proyectos con mayor "
                            "impacto en la vida cotidiana, elaborar un proyecto educativo de "
                            "ciudad con objetivos compartidos y acordar criterios comunes. Por "
                            "ejemplo, que toda obra en el espacio público considere la seguridad "
                            "y la autonomía de niñas y niños, o que los equipamientos culturales "
                            "tengan horarios compatibles con la vida de las familias. La "
                            "formación del personal municipal, que la propia Carta menciona, es "
                            "otra tarea clave.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Pida a cada área que presente un solo programa propio y "
                                    "explique qué aprende la ciudadanía con él y qué podría "
                                    "aprender mejor. Es una manera rápida de introducir la mirada "
                                    "educadora sin añadir carga administrativa."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Evaluar para aprender"),
                        (
                            "paragraph",
                            "<p>Evaluar un proyecto de ciudad educadora no consiste en medirlo "
                            "todo, sino en elegir pocas preguntas relevantes y sostenerlas en el "
                            "tiempo. Un esquema sencillo combina tres tipos de indicadores:</p>"
                            "<ul>"
                            "<li><strong>De proceso:</strong> áreas que participan en la mesa, "
                            "reuniones realizadas, proyectos diseñados de forma conjunta.</li>"
                            "<li><strong>De resultado:</strong> personas que acceden a programas "
                            "educativos no formales, con su distribución por barrio, edad y "
                            "género; uso del espacio público por parte de la infancia.</li>"
                            "<li><strong>De percepción:</strong> lo que opinan vecinas, vecinos, "
                            "escuelas y organizaciones sobre las oportunidades de aprendizaje que "
                            "ofrece la ciudad.</li>"
                            "</ul>"
                            "<p>Los datos desagregados por territorio son especialmente valiosos, "
                            "porque permiten ver si las oportunidades educativas llegan a los "
                            "barrios que más las necesitan. Publicar un breve informe anual, "
                            "discutirlo en los espacios de participación y ajustar las "
                            "prioridades a partir de sus conclusiones convierte la evaluación en "
                            "un ejercicio de aprendizaje colectivo, coherente con el espíritu de "
                            "la Carta.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
    "modules_i18n": {
        "pt": [
            {
                "slug": "origenes-y-sentido",
                "title": "Origens e sentido da Carta",
                "intro": (
                    "De onde vem a Carta das Cidades Educadoras, como ela evoluiu e o que propõe. Este "
                    "módulo oferece as chaves para lê-la com os olhos de quem governa uma cidade."
                ),
                "lessons": [
                    {
                        "slug": "de-barcelona-1990-a-la-carta-2020",
                        "title": "De Barcelona 1990 à Carta de 2020",
                        "summary": (
                            "A história da Carta, do primeiro congresso de Barcelona até a versão "
                            "atualizada de 2020, e o papel da AICE."
                        ),
                        "minutes": 8,
                        "body": [
                            ("heading", "Uma ideia que nasce nas cidades"),
                            (
                                "paragraph",
                                "<p>Em novembro de 1990, Barcelona sediou o I Congresso Internacional "
                                "de Cidades Educadoras. Representantes de governos locais de "
                                "diferentes continentes chegaram com uma convicção compartilhada: a "
                                "educação não acontece só na escola, e a cidade, com suas ruas, "
                                "serviços, instituições culturais e redes comunitárias, educa ou "
                                "deseduca diariamente quem nela vive. Do congresso saiu a "
                                "<strong>Carta das Cidades Educadoras</strong>, um documento breve "
                                "que propunha assumir essa responsabilidade de forma deliberada, em "
                                "vez de deixá-la ao acaso.</p>"
                                "<p>A Carta não é uma lei nem um tratado internacional. É um "
                                "compromisso político voluntário assumido pelos governos locais e "
                                "apoiado em grandes acordos de direitos humanos, como a Declaração "
                                "Universal dos Direitos Humanos, o Pacto Internacional sobre Direitos "
                                "Econômicos, Sociais e Culturais, a Convenção sobre os Direitos da "
                                "Criança e a Declaração Mundial sobre Educação para Todos. Sua força "
                                "vem da adesão de cada município e do trabalho em rede.</p>",
                            ),
                            ("heading", "Revisões sucessivas"),
                            (
                                "paragraph",
                                "<p>O texto foi mudando junto com as cidades. No III Congresso, "
                                "realizado em Bolonha em 1994, a Carta foi revisada e o movimento se "
                                "constituiu formalmente como <strong>Associação Internacional de "
                                "Cidades Educadoras (AICE)</strong>. Dez anos depois, no VIII "
                                "Congresso de Gênova (2004), foi novamente atualizada para responder "
                                "a fenômenos como a globalização, as migrações e a expansão das "
                                "tecnologias da informação.</p>"
                                "<p>Em 2020, quando a proclamação original completou trinta anos, a "
                                "Associação apresentou uma versão atualizada. A Carta de 2020 "
                                "conserva a essência do texto anterior, mas reforça a perspectiva de "
                                "gênero e a sustentabilidade, incorpora um princípio específico sobre "
                                "saúde e cuidados, dá mais peso à cultura e aborda a exclusão digital "
                                "e o uso de grandes volumes de dados. Para quem hoje governa uma "
                                "cidade, é essa a versão que convém ler e citar.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Leia a Carta completa com sua equipe durante a primeira "
                                        "semana de gestão e anote, ao lado de cada princípio, qual "
                                        "área da prefeitura poderia se responsabilizar por ele. Esse "
                                        "exercício simples já é um primeiro mapa de responsabilidades."
                                    ),
                                    "attribution": "",
                                },
                            ),
                            ("heading", "Uma rede com presença latino-americana"),
                            (
                                "paragraph",
                                "<p>Hoje a AICE reúne centenas de governos locais de dezenas de "
                                "países. Seu Secretariado fica em Barcelona, e a Associação também se "
                                "organiza por meio de delegações e redes territoriais. Na América "
                                "Latina, a Delegação sediada em Rosário (Argentina) acompanha as "
                                "cidades da região, promove o intercâmbio entre elas e organiza "
                                "espaços de formação como esta Aula. Todo dia 30 de novembro, "
                                "aniversário da primeira Carta, as cidades membros celebram o Dia "
                                "Internacional da Cidade Educadora com atividades abertas à "
                                "população.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "tres-ejes-de-la-carta",
                        "title": "Os três eixos da Carta: direito, compromisso e serviço",
                        "summary": (
                            "Como a Carta está organizada, quais ideias a atravessam e como lê-la a "
                            "partir das competências reais de um município."
                        ),
                        "minutes": 9,
                        "body": [
                            ("heading", "Uma estrutura em três partes"),
                            (
                                "paragraph",
                                "<p>A Carta começa com um preâmbulo e desenvolve vinte princípios "
                                "agrupados em três seções. A primeira, <strong>o direito à cidade "
                                "educadora</strong>, afirma que todas as pessoas que vivem na cidade "
                                "devem poder usufruir, em condições de liberdade e igualdade, de suas "
                                "oportunidades de formação, cultura e desenvolvimento pessoal. O "
                                "direito à educação se estende, assim, a todo o território e a todas "
                                "as idades.</p>"
                                "<p>A segunda seção, <strong>o compromisso da cidade</strong>, "
                                "descreve o que o governo local deve fazer para que esse direito se "
                                "torne real: conhecer a situação e as necessidades de seus "
                                "habitantes, planejar o espaço urbano com critérios educativos, "
                                "cuidar de sua identidade e projetá-la, oferecer informação "
                                "compreensível e abrir canais de participação. A terceira, <strong>a "
                                "serviço integral das pessoas</strong>, concentra-se na saúde, no "
                                "apoio às famílias, na inclusão de quem sofre discriminação ou "
                                "exclusão e no incentivo ao associativismo e ao voluntariado.</p>",
                            ),
                            ("heading", "Três ideias que atravessam todo o texto"),
                            (
                                "paragraph",
                                "<p>Para além de sua estrutura, a Carta se apoia em três ideias que "
                                "convém ter sempre presentes. A primeira é a <strong>educação ao "
                                "longo de toda a vida</strong>: a cidade educa as crianças, mas "
                                "também jovens, adultos e idosos. A segunda é a <strong>integração do "
                                "formal, do não formal e do informal</strong>: a escola, as oficinas "
                                "de um centro cultural e o que se aprende ao usar uma praça ou um "
                                "ônibus fazem parte de um mesmo ecossistema. A terceira é a "
                                "<strong>transversalidade</strong>: cada decisão municipal, do "
                                "traçado de uma rua ao horário de uma biblioteca, tem efeitos "
                                "educativos, e a Carta pede que eles sejam levados em conta de forma "
                                "explícita.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "quote",
                                    "text": (
                                        "Todas as políticas da cidade educam; o desafio é que o façam "
                                        "de forma intencional, coerente e a favor da igualdade."
                                    ),
                                    "attribution": (
                                        "Ideia central da Carta das Cidades Educadoras (2020), em "
                                        "paráfrase"
                                    ),
                                },
                            ),
                            ("heading", "Ler a Carta a partir das competências municipais"),
                            (
                                "paragraph",
                                "<p>Um erro frequente é pensar que a Carta diz respeito apenas à "
                                "secretaria de educação. Na prática, muitos governos locais da região "
                                "têm competências limitadas sobre a escola, mas amplas sobre "
                                "urbanismo, cultura, esporte, assistência social, meio ambiente ou "
                                "trânsito. É justamente aí que está boa parte do potencial educador "
                                "da cidade.</p>"
                                "<p>Uma forma útil de começar é montar uma tabela com os vinte "
                                "princípios nas linhas e as áreas do organograma nas colunas, "
                                "marcando onde já existem programas, onde há lacunas e onde surgem "
                                "contradições; por exemplo, uma campanha de mobilidade sustentável "
                                "que convive com ruas hostis a pedestres. Essa tabela será a base do "
                                "trabalho do próximo módulo.</p>",
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "de-la-carta-a-la-gestion",
                "title": "Da Carta à gestão municipal",
                "intro": (
                    "Como traduzir os princípios da Carta em decisões de governo: os primeiros cem "
                    "dias, a coordenação entre áreas e a avaliação."
                ),
                "lessons": [
                    {
                        "slug": "primeros-100-dias",
                        "title": "Os primeiros 100 dias: aderir e se organizar",
                        "summary": (
                            "Uma sequência prática para incorporar a perspectiva de cidade educadora "
                            "no início do mandato."
                        ),
                        "minutes": 10,
                        "body": [
                            ("heading", "Por que os primeiros meses importam"),
                            (
                                "paragraph",
                                "<p>Os primeiros cem dias de um mandato definem o tom da gestão. É o "
                                "momento em que se estabelecem prioridades, se nomeiam equipes e se "
                                "elaboram o plano de governo e o orçamento. Incorporar a perspectiva "
                                "de cidade educadora nessa etapa é muito mais simples do que tentar "
                                "acrescentá-la depois, quando os programas já estão em andamento e "
                                "cada área defende sua própria agenda.</p>",
                            ),
                            ("heading", "Uma sequência possível"),
                            (
                                "paragraph",
                                "<p>A sequência a seguir não é uma receita, mas reúne práticas comuns "
                                "em cidades da rede:</p>"
                                "<ol>"
                                "<li><strong>Dias 1 a 20.</strong> Designar uma pessoa responsável "
                                "política e uma equipe técnica de referência. Se a cidade já é membro "
                                "da AICE, revisar os compromissos assumidos pela gestão anterior; se "
                                "não é, estudar o procedimento de adesão, que exige uma decisão "
                                "formal do governo local assumindo os princípios da Carta.</li>"
                                "<li><strong>Dias 21 a 50.</strong> Fazer um diagnóstico rápido: "
                                "quais programas com intenção educativa existem, em quais áreas, com "
                                "que orçamento e quais públicos alcançam. Ouvir escolas, organizações "
                                "sociais, universidades e conselhos de participação.</li>"
                                "<li><strong>Dias 51 a 80.</strong> Criar ou reativar uma mesa "
                                "intersetorial que se reúna periodicamente e pactuar duas ou três "
                                "prioridades compartilhadas para o primeiro ano.</li>"
                                "<li><strong>Dias 81 a 100.</strong> Incorporar essas prioridades ao "
                                "plano de governo e ao orçamento, e comunicá-las publicamente.</li>"
                                "</ol>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "note",
                                    "text": (
                                        "A adesão à AICE não é um trâmite simbólico: significa "
                                        "compartilhar experiências, participar da vida associativa e "
                                        "prestar contas dos avanços. Convém que a decisão de adesão "
                                        "conte com o maior respaldo político possível, para que "
                                        "sobreviva às mudanças de governo."
                                    ),
                                    "attribution": "",
                                },
                            ),
                            ("heading", "Construir apoios"),
                            (
                                "paragraph",
                                "<p>A cidade educadora não pode ser o projeto de uma única pessoa nem "
                                "de um único partido. As experiências mais duradouras são as que "
                                "conseguiram consenso na câmara municipal, envolveram os servidores "
                                "de carreira e teceram alianças com a sociedade civil. Dedique tempo "
                                "a explicar a Carta a vereadores da oposição, às entidades "
                                "representativas dos servidores e à imprensa local. Um projeto "
                                "compreendido e compartilhado resiste melhor aos ciclos "
                                "eleitorais.</p>"
                                "<p>Por fim, aproveite a rede. As cidades membros podem consultar "
                                "experiências documentadas por outras cidades, participar de "
                                "encontros e redes territoriais e pedir orientação à Delegação para a "
                                "América Latina. Partir do que outras cidades já aprenderam economiza "
                                "tempo e evita erros conhecidos.</p>",
                            ),
                        ],
                    },
                    {
                        "slug": "transversalidad-y-evaluacion",
                        "title": "Transversalidade e avaliação do projeto educador",
                        "summary": (
                            "Como coordenar as diferentes áreas da prefeitura e como avaliar os "
                            "avanços com poucos indicadores bem escolhidos."
                        ),
                        "minutes": 9,
                        "body": [
                            ("heading", "Do organograma à mesa intersetorial"),
                            (
                                "paragraph",
                                "<p>A transversalidade é provavelmente o princípio mais difícil de "
                                "pôr em prática. As administrações estão organizadas por setores, com "
                                "orçamentos, normas e culturas próprias, e a cooperação entre áreas "
                                "raramente surge de forma espontânea. Por isso as cidades educadoras "
                                "costumam criar uma estrutura estável de coordenação: uma comissão ou "
                                "mesa intersetorial presidida por uma autoridade com peso político "
                                "suficiente, com representantes técnicos de cada secretaria e um "
                                "calendário fixo de reuniões.</p>"
                                "<p>Para que essa mesa não vire uma formalidade, convém atribuir-lhe "
                                "tarefas concretas: revisar em conjunto os projetos de maior impacto "
                                "na vida cotidiana, elaborar um projeto educativo de cidade com "
                                "objetivos compartilhados e pactuar critérios comuns. Por exemplo, "
                                "que toda obra no espaço público considere a segurança e a autonomia "
                                "de meninas e meninos, ou que os equipamentos culturais tenham "
                                "horários compatíveis com a vida das famílias. A formação dos "
                                "servidores municipais, mencionada pela própria Carta, é outra "
                                "tarefa-chave.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "text": (
                                        "Peça a cada área que apresente um único programa próprio e "
                                        "explique o que a população aprende com ele e o que poderia "
                                        "aprender melhor. É uma maneira rápida de introduzir o olhar "
                                        "educador sem aumentar a carga administrativa."
                                    ),
                                    "attribution": "",
                                },
                            ),
                            ("heading", "Avaliar para aprender"),
                            (
                                "paragraph",
                                "<p>Avaliar um projeto de cidade educadora não significa medir tudo, "
                                "mas escolher poucas perguntas relevantes e sustentá-las ao longo do "
                                "tempo. Um esquema simples combina três tipos de indicadores:</p>"
                                "<ul>"
                                "<li><strong>De processo:</strong> áreas que participam da mesa, "
                                "reuniões realizadas, projetos elaborados em conjunto.</li>"
                                "<li><strong>De resultado:</strong> pessoas que acessam programas "
                                "educativos não formais, com sua distribuição por bairro, idade e "
                                "gênero; uso do espaço público pelas crianças.</li>"
                                "<li><strong>De percepção:</strong> o que moradoras, moradores, "
                                "escolas e organizações pensam sobre as oportunidades de aprendizagem "
                                "que a cidade oferece.</li>"
                                "</ul>"
                                "<p>Os dados desagregados por território são especialmente valiosos, "
                                "porque permitem verificar se as oportunidades educativas chegam aos "
                                "bairros que mais precisam delas. Publicar um breve relatório anual, "
                                "discuti-lo nos espaços de participação e ajustar as prioridades a "
                                "partir de suas conclusões transforma a avaliação em um exercício de "
                                "aprendizagem coletiva, coerente com o espírito da Carta.</p>",
                            ),
                        ],
                    },
                ],
            },
        ],
        "fr": charter_fr.MODULES,
        "en": charter_en.MODULES,
        "ca": charter_ca.MODULES,
    },
}


CEC_102: dict[str, Any] = {
    "code": "CEC-102",
    "slug": "principios-valores-ciudad-educadora",
    "nominal_hours": 10,
    "i18n": {
        "es": {
            "title": "Principios y valores de la ciudad educadora",
            "summary": (
                "Los valores que inspiran la Carta de Ciudades Educadoras (igualdad, inclusión, "
                "diversidad, sostenibilidad, cuidados y democracia) y cómo se traducen en "
                "decisiones municipales concretas."
            ),
            "certificate_title": "Principios y valores de la ciudad educadora",
            "certificate_description": (
                "Completó un curso sobre los valores de la Carta de Ciudades Educadoras y su "
                "aplicación coherente en las políticas y los servicios municipales."
            ),
            "audience": (
                "Autoridades electas y personal municipal de todas las áreas que desean comprender "
                "el marco de valores de la ciudad educadora y aplicarlo en su trabajo cotidiano."
            ),
            "duration": "4 semanas, unas 2 a 3 horas por semana",
            "learning_outcomes": [
                "Identificar los valores centrales de la Carta de Ciudades Educadoras.",
                (
                    "Analizar políticas municipales a la luz de la igualdad, la inclusión y la "
                    "diversidad."
                ),
                "Incorporar criterios de sostenibilidad y cuidados en la acción de gobierno.",
                "Detectar incoherencias entre el discurso y la práctica institucional.",
            ],
        },
        "pt": {
            "title": "Princípios e valores da cidade educadora",
            "summary": (
                "Os valores que inspiram a Carta das Cidades Educadoras (igualdade, inclusão, "
                "diversidade, sustentabilidade, cuidado e democracia) e como eles se traduzem em "
                "decisões municipais concretas."
            ),
            "certificate_title": "Princípios e valores da cidade educadora",
            "certificate_description": (
                "Concluiu um curso sobre os valores da Carta das Cidades Educadoras e sua "
                "aplicação coerente nas políticas e nos serviços municipais."
            ),
            "audience": (
                "Autoridades eleitas e servidores municipais de todas as áreas que desejam "
                "compreender o marco de valores da cidade educadora e aplicá-lo em seu trabalho "
                "cotidiano."
            ),
            "duration": "4 semanas, cerca de 2 a 3 horas por semana",
            "learning_outcomes": [
                "Identificar os valores centrais da Carta das Cidades Educadoras.",
                "Analisar políticas municipais à luz da igualdade, da inclusão e da diversidade.",
                "Incorporar critérios de sustentabilidade e de cuidado na ação de governo.",
                "Detectar incoerências entre o discurso e a prática institucional.",
            ],
        },
        "fr": {
            "title": "Principes et valeurs de la ville éducatrice",
            "summary": (
                "Les valeurs qui inspirent la Charte des villes éducatrices (égalité, inclusion, "
                "diversité, durabilité, soin et démocratie) et leur traduction en décisions "
                "municipales concrètes."
            ),
            "certificate_title": "Principes et valeurs de la ville éducatrice",
            "certificate_description": (
                "A suivi avec succès un cours sur les valeurs de la Charte des villes éducatrices "
                "et leur application cohérente dans les politiques et les services municipaux."
            ),
            "audience": (
                "Élus et agents municipaux de tous les services qui souhaitent comprendre le cadre "
                "de valeurs de la ville éducatrice et l'appliquer dans leur travail quotidien."
            ),
            "duration": "4 semaines, environ 2 à 3 heures par semaine",
            "learning_outcomes": [
                "Identifier les valeurs centrales de la Charte des villes éducatrices.",
                (
                    "Analyser les politiques municipales au regard de l'égalité, de l'inclusion et "
                    "de la diversité."
                ),
                "Intégrer des critères de durabilité et de soin dans l'action publique locale.",
                "Repérer les incohérences entre le discours et la pratique institutionnelle.",
            ],
        },
        "en": {
            "title": "Principles and values of an educating city",
            "summary": (
                "The values behind the Charter of Educating Cities (equality, inclusion, "
                "diversity, sustainability, care and democracy) and how they translate into "
                "concrete municipal decisions."
            ),
            "certificate_title": "Principles and Values of an Educating City",
            "certificate_description": (
                "Completed a course on the values of the Charter of Educating Cities and their "
                "consistent application in municipal policies and services."
            ),
            "audience": (
                "Elected officials and municipal staff from every department who want to "
                "understand the value framework of the educating city and apply it in their daily "
                "work."
            ),
            "duration": "4 weeks, about 2 to 3 hours a week",
            "learning_outcomes": [
                "Identify the core values of the Charter of Educating Cities.",
                "Analyse municipal policies in the light of equality, inclusion and diversity.",
                "Build sustainability and care criteria into government action.",
                "Detect inconsistencies between institutional discourse and practice.",
            ],
        },
        "ca": {
            "title": "Principis i valors de la ciutat educadora",
            "summary": (
                "Els valors que inspiren la Carta de Ciutats Educadores (igualtat, inclusió, "
                "diversitat, sostenibilitat, cures i democràcia) i com es tradueixen en decisions "
                "municipals concretes."
            ),
            "certificate_title": "Principis i valors de la ciutat educadora",
            "certificate_description": (
                "Ha completat un curs sobre els valors de la Carta de Ciutats Educadores i la seva "
                "aplicació coherent en les polítiques i els serveis municipals."
            ),
            "audience": (
                "Càrrecs electes i personal municipal de totes les àrees que volen comprendre el "
                "marc de valors de la ciutat educadora i aplicar-lo a la feina quotidiana."
            ),
            "duration": "4 setmanes, unes 2 o 3 hores per setmana",
            "learning_outcomes": [
                "Identificar els valors centrals de la Carta de Ciutats Educadores.",
                (
                    "Analitzar les polítiques municipals a la llum de la igualtat, la inclusió i "
                    "la diversitat."
                ),
                "Incorporar criteris de sostenibilitat i de cures en l'acció de govern.",
                "Detectar incoherències entre el discurs i la pràctica institucional.",
            ],
        },
    },
    "modules": [
        {
            "slug": "valores-fundamentales",
            "title": "Los valores que sostienen la ciudad educadora",
            "intro": (
                "La ciudad educadora no es una técnica de gestión neutral: se apoya en valores "
                "explícitos. Este módulo presenta la igualdad, la inclusión, la diversidad y la "
                "convivencia."
            ),
            "lessons": [
                {
                    "slug": "igualdad-e-inclusion",
                    "title": "Igualdad, inclusión y derecho a la ciudad",
                    "summary": (
                        "Por qué la igualdad de oportunidades es el punto de partida de la Carta y "
                        "cómo se traduce en la eliminación de barreras concretas."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "La igualdad como punto de partida"),
                        (
                            "paragraph",
                            "<p>El primer principio de la Carta establece que todas las personas "
                            "que habitan la ciudad tienen derecho a disfrutar, en condiciones de "
                            "libertad e igualdad, de los medios y las oportunidades de formación "
                            "y desarrollo que esta ofrece. No se trata de una declaración "
                            "abstracta: implica que el gobierno local debe identificar y eliminar "
                            "los obstáculos que impiden ese disfrute, ya sean económicos, "
                            "físicos, culturales, de información o de discriminación.</p>"
                            "<p>En muchas ciudades latinoamericanas, la desigualdad tiene una "
                            "expresión territorial muy visible. Los barrios periféricos cuentan "
                            "con menos bibliotecas, menos espacios verdes y peores conexiones de "
                            "transporte, mientras que la oferta cultural y formativa se concentra "
                            "en el centro. Una política inspirada en la Carta empieza por "
                            "reconocer esa geografía de las oportunidades y por invertir de forma "
                            "deliberada allí donde la ciudad educa menos.</p>",
                        ),
                        ("heading", "De la igualdad formal a la inclusión real"),
                        (
                            "paragraph",
                            "<p>Abrir un servicio a todas las personas no garantiza que todas "
                            "puedan usarlo. La inclusión exige mirar quién queda fuera y por qué: "
                            "personas con discapacidad que encuentran barreras físicas o "
                            "comunicativas, familias que no pueden pagar el transporte hasta un "
                            "centro cultural, personas migrantes que desconocen los trámites, "
                            "mujeres con cargas de cuidado que no disponen de tiempo en los "
                            "horarios previstos. Las respuestas suelen ser concretas: "
                            "accesibilidad universal, gratuidad o tarifas sociales, información "
                            "en lenguaje claro y en varias lenguas, espacios de cuidado infantil "
                            "durante las actividades y horarios ampliados.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Elija un programa emblemático de su municipio y pregunte: "
                                    "¿quién lo usa, quién no lo usa y qué barreras explican la "
                                    "diferencia? Las respuestas suelen revelar medidas de "
                                    "inclusión sencillas y de bajo costo."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "El derecho a la ciudad"),
                        (
                            "paragraph",
                            "<p>La Carta conecta con una tradición más amplia, la del <em>derecho "
                            "a la ciudad</em>, formulada por el filósofo Henri Lefebvre a finales "
                            "de la década de 1960 y retomada después por movimientos sociales y "
                            "por documentos como la Nueva Agenda Urbana de Naciones Unidas, "
                            "aprobada en Quito en 2016. Desde esta perspectiva, la ciudad es un "
                            "bien común que todas las personas tienen derecho a usar, disfrutar y "
                            "transformar. La ciudad educadora añade que ese derecho incluye "
                            "aprender de la ciudad y con ella, y que el gobierno local tiene la "
                            "responsabilidad de hacerlo posible.</p>",
                        ),
                    ],
                },
                {
                    "slug": "diversidad-y-convivencia",
                    "title": "Diversidad, interculturalidad y convivencia",
                    "summary": (
                        "Cómo la ciudad educadora convierte la diversidad en riqueza compartida y "
                        "promueve el diálogo entre culturas y generaciones."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "La diversidad como rasgo de la ciudad"),
                        (
                            "paragraph",
                            "<p>Las ciudades son, por definición, lugares de encuentro entre "
                            "personas diferentes por su origen, lengua, edad, creencias, "
                            "orientación sexual, condición social o capacidades. La Carta pide a "
                            "los gobiernos locales promover una educación en la diversidad que "
                            "combata cualquier forma de discriminación y que favorezca la "
                            "libertad de expresión y el diálogo en condiciones de igualdad. La "
                            "diversidad no es un problema que haya que administrar, sino una "
                            "condición de la vida urbana que puede enriquecer a todas las "
                            "personas si se dan las condiciones adecuadas.</p>"
                            "<p>En América Latina, esto incluye reconocer a los pueblos indígenas "
                            "y afrodescendientes, a las comunidades migrantes, cada vez más "
                            "numerosas en muchas ciudades de la región, y a la diversidad "
                            "lingüística que a menudo permanece invisible en los servicios "
                            "públicos. La Carta invita además a que la ciudad conozca y valore su "
                            "propia identidad, incluidas sus lenguas, sin cerrarse al intercambio "
                            "con otras culturas.</p>",
                        ),
                        ("heading", "De la coexistencia a la convivencia"),
                        (
                            "paragraph",
                            "<p>Que personas distintas compartan un territorio no significa que "
                            "convivan. La <strong>interculturalidad</strong> propone ir más allá "
                            "de la simple coexistencia y crear espacios de relación, intercambio "
                            "y aprendizaje mutuo. Algunas herramientas municipales habituales son "
                            "los programas de mediación comunitaria, las fiestas y ferias que dan "
                            "protagonismo a diferentes comunidades, los proyectos escolares que "
                            "recuperan la memoria de los barrios y los servicios de acogida para "
                            "las personas recién llegadas.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "quote",
                                "text": (
                                    "Una ciudad educadora favorece el diálogo entre generaciones y "
                                    "culturas, y hace del respeto a la diferencia una práctica "
                                    "cotidiana, no solo un valor declarado."
                                ),
                                "attribution": (
                                    "Síntesis de los principios de la Carta de Ciudades Educadoras "
                                    "(2020)"
                                ),
                            },
                        ),
                        ("heading", "El diálogo intergeneracional"),
                        (
                            "paragraph",
                            "<p>La Carta presta especial atención a la relación entre "
                            "generaciones. En ciudades donde la población envejece y donde niños, "
                            "jóvenes y personas mayores rara vez comparten espacios, los "
                            "proyectos intergeneracionales tienen un gran valor: talleres en los "
                            "que personas mayores transmiten oficios o memoria local, programas "
                            "de acompañamiento digital en los que jóvenes enseñan a usar "
                            "dispositivos, huertos comunitarios o experiencias de vivienda "
                            "compartida. Suelen ser proyectos de bajo costo, visibles y muy "
                            "apreciados, y pueden ser un buen primer paso para un equipo de "
                            "gobierno recién llegado.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "valores-en-accion",
            "title": "Los valores en la acción de gobierno",
            "intro": (
                "Los valores solo resultan creíbles cuando se reflejan en la gestión. Este módulo "
                "aborda la sostenibilidad, los cuidados, la coherencia institucional y la "
                "ciudadanía en la era digital."
            ),
            "lessons": [
                {
                    "slug": "sostenibilidad-salud-y-cuidados",
                    "title": "Sostenibilidad, salud y cuidados",
                    "summary": (
                        "Los nuevos énfasis de la Carta de 2020: la ciudad que cuida el planeta, "
                        "la salud de las personas y a quienes cuidan."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Educar para la sostenibilidad"),
                        (
                            "paragraph",
                            "<p>La versión de 2020 de la Carta refuerza el compromiso con la "
                            "sostenibilidad. La crisis climática, la pérdida de biodiversidad y "
                            "la contaminación afectan directamente a la vida urbana y, con "
                            "frecuencia, golpean con más fuerza a los barrios más pobres. La "
                            "ciudad educadora asume que la transición ecológica requiere no solo "
                            "infraestructuras, sino también aprendizajes colectivos: nuevas "
                            "formas de moverse, consumir, producir y relacionarse con el entorno "
                            "natural.</p>"
                            "<p>Las oportunidades municipales son numerosas: la separación de "
                            "residuos acompañada de campañas participativas, los huertos urbanos "
                            "y escolares, los caminos escolares seguros que favorecen la "
                            "movilidad a pie o en bicicleta, la recuperación de arroyos y "
                            "espacios verdes con participación vecinal. Lo importante es que cada "
                            "intervención incluya, desde su diseño, una dimensión educativa y que "
                            "no se limite a una campaña de comunicación.</p>",
                        ),
                        ("heading", "La salud y los cuidados como responsabilidad compartida"),
                        (
                            "paragraph",
                            "<p>Otra novedad de la Carta de 2020 es un principio específico "
                            "dedicado a la salud y los cuidados. La pandemia de COVID-19, que "
                            "coincidió con el proceso de actualización, hizo evidente que la vida "
                            "urbana depende de un enorme trabajo de cuidado de la infancia, de "
                            "las personas mayores y de las personas enfermas o en situación de "
                            "dependencia, que recae mayoritariamente en las mujeres y que suele "
                            "ser invisible en las políticas públicas.</p>"
                            "<p>Un gobierno local puede actuar en varios frentes: promover la "
                            "salud comunitaria y los entornos saludables, ampliar los servicios "
                            "de cuidado infantil y de atención a personas mayores, reconocer y "
                            "apoyar a quienes cuidan, y diseñar el espacio público pensando en "
                            "quienes se desplazan acompañando a otras personas. Varias ciudades "
                            "de la región trabajan hoy con la idea de <em>sistemas locales de "
                            "cuidados</em>, que articulan servicios dispersos bajo una misma "
                            "estrategia; las manzanas del cuidado de Bogotá, que reúnen en un "
                            "mismo lugar servicios para quienes cuidan y para las personas "
                            "cuidadas, son un ejemplo conocido.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "La perspectiva de género atraviesa estos temas: quién cuida, "
                                    "quién usa el transporte público y en qué horarios, y quién se "
                                    "siente segura en la calle son preguntas que la Carta de 2020 "
                                    "invita a incorporar a la planificación urbana."
                                ),
                                "attribution": "",
                            },
                        ),
                    ],
                },
                {
                    "slug": "coherencia-y-ciudadania-digital",
                    "title": "Coherencia institucional y ciudadanía digital",
                    "summary": (
                        "Por qué la forma de gobernar también educa, y qué exige la Carta ante la "
                        "brecha digital y el uso de datos."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "La institución también educa"),
                        (
                            "paragraph",
                            "<p>Una idea poderosa de la ciudad educadora es que el propio "
                            "gobierno local es un agente educativo. La manera en que atiende a la "
                            "ciudadanía, informa de sus decisiones, gestiona el dinero público o "
                            "responde a las críticas transmite mensajes sobre lo que significa "
                            "vivir en democracia. Un municipio que proclama valores de "
                            "participación pero no publica sus presupuestos, o que habla de "
                            "inclusión mientras sus oficinas resultan inaccesibles, educa en "
                            "sentido contrario a sus propias declaraciones.</p>"
                            "<p>Por eso la coherencia es una exigencia ética y también "
                            "pedagógica. Algunas prácticas concretas ayudan: publicar información "
                            "en formatos abiertos y en lenguaje claro, responder en plazos "
                            "razonables a las solicitudes ciudadanas, formar al personal de "
                            "atención al público, rendir cuentas periódicamente en los barrios y "
                            "reconocer los errores cuando se producen.</p>",
                        ),
                        ("heading", "Ciudadanía en la era digital"),
                        (
                            "paragraph",
                            "<p>La Carta de 2020 incorpora los desafíos de la digitalización. Por "
                            "un lado, la <strong>brecha digital</strong>: no todas las personas "
                            "tienen acceso a dispositivos, conectividad o habilidades para hacer "
                            "trámites, estudiar o participar en línea, y la digitalización de los "
                            "servicios puede excluir precisamente a quienes más los necesitan. "
                            "Por otro, el uso creciente de <strong>grandes volúmenes de "
                            "datos</strong> y de algoritmos en la gestión urbana plantea "
                            "preguntas sobre privacidad, transparencia y control democrático.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Antes de digitalizar un trámite, mantenga un canal presencial "
                                    "o telefónico y ofrezca acompañamiento, por ejemplo en "
                                    "bibliotecas o centros comunitarios. La innovación no debe "
                                    "convertirse en una nueva barrera."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "paragraph",
                            "<p>Para una ciudad educadora, la respuesta combina acceso y "
                            "formación: puntos de conexión gratuitos, programas de alfabetización "
                            "digital para todas las edades, educación mediática que ayude a "
                            "reconocer la desinformación y reglas claras sobre qué datos recoge "
                            "el municipio, con qué fines y cómo se protegen. La tecnología debe "
                            "estar al servicio de las personas y de la deliberación pública, y no "
                            "al revés.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
}


CEC_201: dict[str, Any] = {
    "code": "CEC-201",
    "slug": "participacion-ciudadana-ecosistemas",
    "nominal_hours": 15,
    "i18n": {
        "es": {
            "title": (
                "Participación ciudadana: prácticas y políticas para ecosistemas participativos"
            ),
            "summary": (
                "Herramientas, experiencias y criterios para pasar de acciones participativas "
                "aisladas a un ecosistema de participación estable, diverso y con capacidad real "
                "de incidir en las decisiones municipales."
            ),
            "certificate_title": (
                "Participación ciudadana: prácticas y políticas para ecosistemas participativos"
            ),
            "certificate_description": (
                "Completó un curso sobre el diseño, la institucionalización y la evaluación de "
                "políticas de participación ciudadana en el ámbito municipal."
            ),
            "audience": (
                "Autoridades electas y equipos municipales de participación, planificación, "
                "desarrollo comunitario y gobierno abierto, así como integrantes de consejos "
                "consultivos."
            ),
            "duration": "5 semanas, unas 3 horas por semana",
            "learning_outcomes": [
                (
                    "Distinguir niveles y calidades de participación, de la información a la "
                    "codecisión."
                ),
                "Mapear el ecosistema participativo de su ciudad e identificar vacíos.",
                "Diseñar un ciclo de presupuesto participativo adaptado a su municipio.",
                (
                    "Definir reglas, recursos y criterios de evaluación para institucionalizar la "
                    "participación."
                ),
            ],
        },
        "pt": {
            "title": "Participação cidadã: práticas e políticas para ecossistemas participativos",
            "summary": (
                "Ferramentas, experiências e critérios para passar de ações participativas "
                "isoladas a um ecossistema de participação estável, diverso e com capacidade real "
                "de incidir nas decisões municipais."
            ),
            "certificate_title": (
                "Participação cidadã: práticas e políticas para ecossistemas participativos"
            ),
            "certificate_description": (
                "Concluiu um curso sobre a concepção, a institucionalização e a avaliação de "
                "políticas de participação cidadã no âmbito municipal."
            ),
            "audience": (
                "Autoridades eleitas e equipes municipais de participação, planejamento, "
                "desenvolvimento comunitário e governo aberto, além de integrantes de conselhos "
                "municipais."
            ),
            "duration": "5 semanas, cerca de 3 horas por semana",
            "learning_outcomes": [
                "Distinguir níveis e qualidades de participação, da informação à codecisão.",
                "Mapear o ecossistema participativo da sua cidade e identificar lacunas.",
                "Elaborar um ciclo de orçamento participativo adaptado ao seu município.",
                (
                    "Definir regras, recursos e critérios de avaliação para institucionalizar a "
                    "participação."
                ),
            ],
        },
        "fr": {
            "title": (
                "Participation citoyenne : pratiques et politiques pour des écosystèmes "
                "participatifs"
            ),
            "summary": (
                "Outils, expériences et critères pour passer d'actions participatives isolées à un "
                "écosystème de participation stable, diversifié et réellement capable de peser sur "
                "les décisions municipales."
            ),
            "certificate_title": (
                "Participation citoyenne : pratiques et politiques pour des écosystèmes "
                "participatifs"
            ),
            "certificate_description": (
                "A suivi avec succès un cours sur la conception, l'institutionnalisation et "
                "l'évaluation des politiques de participation citoyenne à l'échelle municipale."
            ),
            "audience": (
                "Élus et équipes municipales chargées de la participation, de la planification, du "
                "développement communautaire et du gouvernement ouvert, ainsi que membres de "
                "conseils consultatifs."
            ),
            "duration": "5 semaines, environ 3 heures par semaine",
            "learning_outcomes": [
                (
                    "Distinguer les niveaux et la qualité de la participation, de l'information à "
                    "la codécision."
                ),
                "Cartographier l'écosystème participatif de votre ville et en repérer les lacunes.",
                "Concevoir un cycle de budget participatif adapté à votre commune.",
                (
                    "Définir des règles, des moyens et des critères d'évaluation pour "
                    "institutionnaliser la participation."
                ),
            ],
        },
        "en": {
            "title": "Citizen participation: practices and policies for participatory ecosystems",
            "summary": (
                "Tools, experiences and criteria for moving from isolated participatory "
                "initiatives to a stable, diverse participatory ecosystem with real influence over "
                "municipal decisions."
            ),
            "certificate_title": (
                "Citizen Participation: Practices and Policies for Participatory Ecosystems"
            ),
            "certificate_description": (
                "Completed a course on designing, institutionalising and evaluating citizen "
                "participation policies in local government."
            ),
            "audience": (
                "Elected officials and municipal teams working on participation, planning, "
                "community development and open government, as well as members of advisory "
                "councils."
            ),
            "duration": "5 weeks, about 3 hours a week",
            "learning_outcomes": [
                "Distinguish levels and quality of participation, from information to co-decision.",
                "Map your city's participatory ecosystem and identify its gaps.",
                "Design a participatory budgeting cycle suited to your municipality.",
                "Set rules, resources and evaluation criteria to institutionalise participation.",
            ],
        },
        "ca": {
            "title": (
                "Participació ciutadana: pràctiques i polítiques per a ecosistemes participatius"
            ),
            "summary": (
                "Eines, experiències i criteris per passar d'accions participatives aïllades a un "
                "ecosistema de participació estable, divers i amb capacitat real d'incidir en les "
                "decisions municipals."
            ),
            "certificate_title": (
                "Participació ciutadana: pràctiques i polítiques per a ecosistemes participatius"
            ),
            "certificate_description": (
                "Ha completat un curs sobre el disseny, la institucionalització i l'avaluació de "
                "polítiques de participació ciutadana en l'àmbit municipal."
            ),
            "audience": (
                "Càrrecs electes i equips municipals de participació, planificació, "
                "desenvolupament comunitari i govern obert, així com membres de consells "
                "consultius."
            ),
            "duration": "5 setmanes, unes 3 hores per setmana",
            "learning_outcomes": [
                "Distingir nivells i qualitats de participació, de la informació a la codecisió.",
                "Mapar l'ecosistema participatiu de la vostra ciutat i identificar-ne els buits.",
                "Dissenyar un cicle de pressupost participatiu adaptat al vostre municipi.",
                (
                    "Definir normes, recursos i criteris d'avaluació per institucionalitzar la "
                    "participació."
                ),
            ],
        },
    },
    "modules": [
        {
            "slug": "fundamentos-de-la-participacion",
            "title": "Fundamentos: de la consulta al ecosistema participativo",
            "intro": (
                "Qué entendemos por participación, qué niveles tiene y por qué conviene pensarla "
                "como un ecosistema y no como una suma de actividades."
            ),
            "lessons": [
                {
                    "slug": "niveles-de-participacion",
                    "title": "Niveles y calidad de la participación",
                    "summary": (
                        "Las diferencias entre informar, consultar, deliberar, codecidir y "
                        "cogestionar, y los riesgos de la participación simulada."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "¿De qué hablamos cuando hablamos de participación?"),
                        (
                            "paragraph",
                            "<p>La palabra participación se usa para describir realidades muy "
                            "distintas: desde una publicación en redes sociales que informa sobre "
                            "una obra hasta una asamblea vecinal que decide el destino de una "
                            "parte del presupuesto. Para gobernar bien es necesario distinguir "
                            "esos niveles y ser honesto con la ciudadanía sobre lo que se ofrece "
                            "en cada caso. La Carta de Ciudades Educadoras considera la "
                            "participación un derecho y, a la vez, una experiencia formativa: "
                            "participando se aprende a deliberar, a escuchar y a asumir "
                            "responsabilidades colectivas.</p>",
                        ),
                        ("heading", "Una escala de intensidades"),
                        (
                            "paragraph",
                            "<p>Desde que la investigadora estadounidense Sherry Arnstein propuso "
                            "en 1969 su conocida «escalera de la participación», se han formulado "
                            "muchas clasificaciones. Una versión sencilla, útil para la gestión "
                            "municipal, distingue cinco niveles:</p>"
                            "<ul>"
                            "<li><strong>Información:</strong> el municipio comunica decisiones o "
                            "proyectos. Es imprescindible, pero no es participación en sentido "
                            "pleno.</li>"
                            "<li><strong>Consulta:</strong> se recogen opiniones, por ejemplo "
                            "mediante encuestas o audiencias públicas, sin compromiso de "
                            "incorporarlas.</li>"
                            "<li><strong>Deliberación:</strong> personas diversas debaten con "
                            "información suficiente y elaboran propuestas argumentadas.</li>"
                            "<li><strong>Codecisión:</strong> la ciudadanía decide sobre una "
                            "materia o un monto previamente acotados, como en los presupuestos "
                            "participativos.</li>"
                            "<li><strong>Cogestión:</strong> organizaciones y vecinos comparten "
                            "con el municipio la gestión de un equipamiento, un programa o un "
                            "espacio.</li>"
                            "</ul>"
                            "<p>Ningún nivel es mejor en abstracto. Para algunas decisiones basta "
                            "con informar bien; para otras, la legitimidad y la calidad del "
                            "resultado dependen de una deliberación profunda. El error más "
                            "frecuente es anunciar un nivel y practicar otro: llamar «proceso "
                            "participativo» a lo que en realidad es la presentación de un "
                            "proyecto ya cerrado.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "quote",
                                "text": (
                                    "Participar sin poder influir en el resultado es un ritual "
                                    "vacío, que frustra a quienes participan y beneficia a quienes "
                                    "ya deciden."
                                ),
                                "attribution": (
                                    "Idea central de Sherry Arnstein (1969), en paráfrasis"
                                ),
                            },
                        ),
                        ("heading", "Criterios de calidad"),
                        (
                            "paragraph",
                            "<p>Más allá del nivel, conviene revisar algunos criterios: ¿quién "
                            "participa y quién queda fuera? ¿Se ofrece información comprensible y "
                            "a tiempo? ¿Las reglas están claras desde el inicio? ¿Se explica qué "
                            "se hizo con cada propuesta? Esta última pregunta, la de la "
                            "<strong>devolución</strong>, es decisiva: los procesos que no rinden "
                            "cuentas de sus resultados erosionan la confianza y hacen más difícil "
                            "convocar a la ciudadanía la próxima vez.</p>",
                        ),
                    ],
                },
                {
                    "slug": "ecosistema-participativo",
                    "title": "¿Qué es un ecosistema participativo?",
                    "summary": (
                        "Cómo pensar la participación como un conjunto articulado de espacios, "
                        "actores y canales que se refuerzan entre sí."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "De las actividades al ecosistema"),
                        (
                            "paragraph",
                            "<p>Muchos municipios acumulan instancias de participación que "
                            "funcionan de forma aislada: un consejo de salud que nadie conecta "
                            "con el de ambiente, una consulta en línea que no dialoga con las "
                            "asambleas barriales, un consejo de niñas y niños cuyas propuestas "
                            "nunca llegan al órgano legislativo. La idea de <strong>ecosistema "
                            "participativo</strong> invita a mirar el conjunto: qué espacios "
                            "existen, quién participa en cada uno, cómo circulan la información y "
                            "las propuestas entre ellos y cómo se conectan con las decisiones "
                            "reales del gobierno.</p>"
                            "<p>Como en un ecosistema natural, la diversidad es una fortaleza. "
                            "Algunas personas prefieren participar en una asamblea; otras, "
                            "responder una encuesta desde el teléfono, integrar un consejo "
                            "sectorial o sumarse a una jornada de trabajo comunitario. Un "
                            "ecosistema sano combina espacios territoriales y temáticos, "
                            "permanentes y puntuales, presenciales y digitales, y reconoce "
                            "también las iniciativas que nacen de la propia sociedad civil, no "
                            "solo las que convoca el municipio.</p>",
                        ),
                        ("heading", "Los componentes básicos"),
                        (
                            "paragraph",
                            "<p>Para mapear el ecosistema de su ciudad puede partir de cuatro "
                            "preguntas. Primero, los <strong>espacios</strong>: consejos, mesas, "
                            "presupuestos participativos, audiencias, plataformas digitales. "
                            "Segundo, los <strong>actores</strong>: organizaciones vecinales, "
                            "colectivos juveniles, movimientos sociales, escuelas, universidades, "
                            "sector privado y personas no organizadas. Tercero, las "
                            "<strong>reglas</strong>: normas que regulan cada espacio, "
                            "competencias, plazos y compromisos de respuesta. Cuarto, los "
                            "<strong>recursos</strong>: personal técnico, presupuesto, locales, "
                            "herramientas tecnológicas y formación.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Dibuje el mapa de su ecosistema participativo en una sola "
                                    "hoja, con flechas que indiquen adónde van las propuestas de "
                                    "cada espacio. Si muchas flechas no llegan a ninguna decisión, "
                                    "ya tiene identificada su primera prioridad."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Lo digital como complemento"),
                        (
                            "paragraph",
                            "<p>Las plataformas digitales amplían el alcance de la participación "
                            "y facilitan la transparencia. Herramientas de código abierto como "
                            "Decidim, desarrollada por el Ayuntamiento de Barcelona y adoptada "
                            "por instituciones de distintos países, permiten gestionar "
                            "propuestas, votaciones y el seguimiento de compromisos. Sin embargo, "
                            "la tecnología no sustituye el trabajo territorial: en contextos de "
                            "brecha digital, lo más eficaz es combinar canales y ofrecer apoyo "
                            "presencial en escuelas, bibliotecas o centros comunitarios para que "
                            "nadie quede excluido.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "herramientas-y-politicas",
            "title": "Herramientas y políticas para la participación",
            "intro": (
                "Del presupuesto participativo a las normas que dan estabilidad a la "
                "participación: cómo diseñar, institucionalizar y evaluar."
            ),
            "lessons": [
                {
                    "slug": "presupuesto-participativo",
                    "title": "El presupuesto participativo",
                    "summary": (
                        "Origen, ciclo y aprendizajes de una de las herramientas de participación "
                        "más difundidas del mundo, nacida en América Latina."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Una innovación latinoamericana"),
                        (
                            "paragraph",
                            "<p>El presupuesto participativo nació en Porto Alegre (Brasil) en "
                            "1989, cuando la nueva administración municipal abrió a la ciudadanía "
                            "la decisión sobre una parte de las inversiones públicas. La "
                            "experiencia combinaba asambleas en las distintas regiones de la "
                            "ciudad, foros temáticos y un consejo integrado por delegados "
                            "electos, y se convirtió en una referencia internacional. Desde "
                            "entonces, miles de gobiernos locales de todos los continentes han "
                            "adoptado versiones propias, y la herramienta ha sido promovida por "
                            "organismos internacionales y redes de ciudades.</p>"
                            "<p>Su valor va más allá de las obras que se financian. El "
                            "presupuesto participativo hace visible cómo funciona el dinero "
                            "público, obliga a priorizar entre necesidades legítimas, acerca a "
                            "las autoridades a los barrios y genera aprendizajes cívicos. Por eso "
                            "encaja de forma natural en el proyecto de una ciudad educadora.</p>",
                        ),
                        ("heading", "Las fases de un ciclo"),
                        (
                            "paragraph",
                            "<ol>"
                            "<li><strong>Definición de reglas:</strong> monto disponible, tipos "
                            "de proyectos admitidos, división territorial, quién puede proponer y "
                            "votar (por ejemplo, a partir de qué edad).</li>"
                            "<li><strong>Difusión y propuestas:</strong> asambleas barriales, "
                            "formularios en línea y apoyo técnico para formular ideas.</li>"
                            "<li><strong>Análisis de viabilidad:</strong> los equipos municipales "
                            "evalúan costos y factibilidad técnica y legal, y explican "
                            "públicamente los motivos de cada descarte.</li>"
                            "<li><strong>Deliberación y votación:</strong> presentación de los "
                            "proyectos y elección, presencial, digital o mixta.</li>"
                            "<li><strong>Ejecución y seguimiento:</strong> inclusión en el "
                            "presupuesto, calendario de obras y comisiones vecinales de "
                            "seguimiento.</li>"
                            "</ol>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "Muchos procesos fracasan en la fase de ejecución: proyectos "
                                    "votados que tardan años en realizarse o que nunca se "
                                    "concretan. Antes de lanzar la primera convocatoria, asegure "
                                    "el compromiso presupuestario y la capacidad técnica para "
                                    "cumplir."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Aprendizajes y variantes"),
                        (
                            "paragraph",
                            "<p>La experiencia acumulada deja algunas lecciones. Los montos "
                            "simbólicos generan desconfianza; es preferible empezar con una cifra "
                            "modesta pero garantizada. Los procesos que incorporan criterios de "
                            "justicia territorial, asignando más recursos a las zonas con mayores "
                            "carencias, tienden a reducir desigualdades.</p>"
                            "<p>Las versiones dirigidas a públicos específicos, como los "
                            "presupuestos participativos juveniles o los que se realizan en las "
                            "escuelas, son además una excelente escuela de ciudadanía. En un "
                            "primer año de gestión, un piloto bien diseñado en algunos barrios "
                            "puede ser más sensato que un proceso masivo mal preparado.</p>",
                        ),
                    ],
                },
                {
                    "slug": "institucionalizar-y-evaluar",
                    "title": "Institucionalizar y evaluar la participación",
                    "summary": (
                        "Cómo dar estabilidad a la participación más allá de un mandato y cómo "
                        "saber si realmente funciona."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Por qué institucionalizar"),
                        (
                            "paragraph",
                            "<p>La participación que depende exclusivamente de la voluntad de una "
                            "autoridad es frágil: desaparece con el cambio de gobierno o con el "
                            "primer conflicto. Institucionalizar significa dotarla de reglas, "
                            "estructuras y recursos estables, de modo que se convierta en una "
                            "forma habitual de gobernar y no en una campaña. Al mismo tiempo, un "
                            "exceso de formalización puede burocratizar los espacios y alejar a "
                            "quienes no están organizados. El desafío consiste en encontrar un "
                            "equilibrio entre estabilidad y flexibilidad.</p>",
                        ),
                        ("heading", "Instrumentos habituales"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li>Una <strong>ordenanza o reglamento de participación</strong> que "
                            "reconozca derechos, defina instancias y establezca plazos de "
                            "respuesta a las propuestas ciudadanas.</li>"
                            "<li>Un <strong>área o unidad responsable</strong> con personal "
                            "capacitado, que apoye a las demás secretarías en lugar de concentrar "
                            "toda la participación.</li>"
                            "<li>Una <strong>partida presupuestaria</strong> específica y "
                            "previsible.</li>"
                            "<li>Un <strong>registro público de organizaciones</strong> y un "
                            "calendario anual de procesos.</li>"
                            "<li><strong>Formación</strong> para el personal municipal y para la "
                            "ciudadanía, especialmente en facilitación y deliberación.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "En sus primeros 100 días, haga un inventario de los espacios "
                                    "de participación heredados, convoque a sus integrantes y "
                                    "comunique qué continúa, qué cambia y por qué. Suprimir "
                                    "espacios sin explicación es una de las formas más rápidas de "
                                    "perder la confianza ciudadana."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Evaluar la participación"),
                        (
                            "paragraph",
                            "<p>Evaluar la participación no es solo contar asistentes. Una "
                            "evaluación útil combina varias dimensiones: la "
                            "<strong>inclusión</strong> (quién participa según edad, género, "
                            "barrio y nivel socioeconómico), la <strong>calidad "
                            "deliberativa</strong> (acceso a la información, diversidad de "
                            "opiniones, respeto en el debate), la <strong>incidencia</strong> "
                            "(cuántas propuestas se incorporaron a decisiones y cuántas se "
                            "ejecutaron) y los <strong>aprendizajes</strong> (qué conocimientos y "
                            "capacidades adquirieron las personas participantes y los equipos "
                            "municipales).</p>"
                            "<p>Algunas ciudades invitan a universidades u observatorios "
                            "ciudadanos a realizar evaluaciones externas, lo que refuerza la "
                            "credibilidad de los resultados. En cualquier caso, lo fundamental es "
                            "publicar las conclusiones y utilizarlas para mejorar el diseño del "
                            "ciclo siguiente. Un ecosistema participativo que evalúa y corrige "
                            "también educa: demuestra que la institución es capaz de aprender.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
}


CEC_202: dict[str, Any] = {
    "code": "CEC-202",
    "slug": "infancia-primera-infancia",
    "nominal_hours": 12,
    "i18n": {
        "es": {
            "title": "La infancia y la primera infancia en la ciudad educadora",
            "summary": (
                "Cómo mirar la ciudad con los ojos de niñas y niños, desde los primeros años de "
                "vida, y convertir sus derechos, su autonomía y su participación en criterios de "
                "gobierno local."
            ),
            "certificate_title": "La infancia y la primera infancia en la ciudad educadora",
            "certificate_description": (
                "Completó un curso sobre políticas municipales para la infancia y la primera "
                "infancia, el espacio público pensado para la niñez y la participación infantil."
            ),
            "audience": (
                "Autoridades electas y equipos municipales de educación, desarrollo social, salud, "
                "urbanismo y cultura, así como personas que coordinan consejos o programas de "
                "infancia."
            ),
            "duration": "4 semanas, unas 3 horas por semana",
            "learning_outcomes": [
                "Relacionar los derechos de la infancia con las competencias municipales.",
                "Explicar la propuesta de la ciudad de los niños y sus aplicaciones.",
                (
                    "Identificar intervenciones urbanas que favorecen a la primera infancia y a "
                    "quienes la cuidan."
                ),
                "Planificar la puesta en marcha de un consejo de niñas y niños.",
            ],
        },
        "pt": {
            "title": "A infância e a primeira infância na cidade educadora",
            "summary": (
                "Como olhar a cidade com os olhos de meninas e meninos, desde os primeiros anos de "
                "vida, e transformar seus direitos, sua autonomia e sua participação em critérios "
                "de governo local."
            ),
            "certificate_title": "A infância e a primeira infância na cidade educadora",
            "certificate_description": (
                "Concluiu um curso sobre políticas municipais para a infância e a primeira "
                "infância, o espaço público pensado para as crianças e a participação infantil."
            ),
            "audience": (
                "Autoridades eleitas e equipes municipais de educação, assistência social, saúde, "
                "urbanismo e cultura, além de quem coordena conselhos ou programas voltados à "
                "infância."
            ),
            "duration": "4 semanas, cerca de 3 horas por semana",
            "learning_outcomes": [
                "Relacionar os direitos da criança com as competências municipais.",
                "Explicar a proposta da cidade das crianças e suas aplicações.",
                (
                    "Identificar intervenções urbanas que favorecem a primeira infância e quem "
                    "cuida dela."
                ),
                "Planejar a implantação de um conselho de meninas e meninos.",
            ],
        },
        "fr": {
            "title": "L'enfance et la petite enfance dans la ville éducatrice",
            "summary": (
                "Comment regarder la ville avec les yeux des filles et des garçons, dès les "
                "premières années de la vie, et faire de leurs droits, de leur autonomie et de "
                "leur participation des critères de l'action municipale."
            ),
            "certificate_title": "L'enfance et la petite enfance dans la ville éducatrice",
            "certificate_description": (
                "A suivi avec succès un cours sur les politiques municipales en faveur de "
                "l'enfance et de la petite enfance, l'espace public pensé pour les enfants et la "
                "participation des enfants."
            ),
            "audience": (
                "Élus et équipes municipales de l'éducation, de l'action sociale, de la santé, de "
                "l'urbanisme et de la culture, ainsi que les personnes qui coordonnent des "
                "conseils ou des programmes pour l'enfance."
            ),
            "duration": "4 semaines, environ 3 heures par semaine",
            "learning_outcomes": [
                "Relier les droits de l'enfant aux compétences municipales.",
                "Expliquer la démarche de la « ville des enfants » et ses applications.",
                (
                    "Repérer les aménagements urbains favorables à la petite enfance et aux "
                    "personnes qui en prennent soin."
                ),
                "Planifier la mise en place d'un conseil municipal d'enfants.",
            ],
        },
        "en": {
            "title": "Childhood and early childhood in the educating city",
            "summary": (
                "How to see the city through the eyes of girls and boys, from the earliest years "
                "of life, and turn their rights, autonomy and participation into criteria for "
                "local government."
            ),
            "certificate_title": "Childhood and Early Childhood in the Educating City",
            "certificate_description": (
                "Completed a course on municipal policies for childhood and early childhood, "
                "child-friendly public space and children's participation."
            ),
            "audience": (
                "Elected officials and municipal teams in education, social services, health, "
                "urban planning and culture, as well as coordinators of children's councils or "
                "programmes."
            ),
            "duration": "4 weeks, about 3 hours a week",
            "learning_outcomes": [
                "Relate children's rights to the powers of local government.",
                "Explain the 'city of children' approach and how it is applied.",
                "Identify urban interventions that benefit young children and their caregivers.",
                "Plan the launch of a children's council.",
            ],
        },
        "ca": {
            "title": "La infància i la primera infància a la ciutat educadora",
            "summary": (
                "Com mirar la ciutat amb els ulls de nenes i nens, des dels primers anys de vida, "
                "i convertir-ne els drets, l'autonomia i la participació en criteris de govern "
                "local."
            ),
            "certificate_title": "La infància i la primera infància a la ciutat educadora",
            "certificate_description": (
                "Ha completat un curs sobre polítiques municipals per a la infància i la primera "
                "infància, l'espai públic pensat per als infants i la participació infantil."
            ),
            "audience": (
                "Càrrecs electes i equips municipals d'educació, serveis socials, salut, urbanisme "
                "i cultura, així com les persones que coordinen consells o programes d'infància."
            ),
            "duration": "4 setmanes, unes 3 hores per setmana",
            "learning_outcomes": [
                "Relacionar els drets de la infància amb les competències municipals.",
                "Explicar la proposta de la ciutat dels infants i les seves aplicacions.",
                (
                    "Identificar intervencions urbanes que afavoreixen la primera infància i les "
                    "persones que en tenen cura."
                ),
                "Planificar la posada en marxa d'un consell d'infants.",
            ],
        },
    },
    "modules": [
        {
            "slug": "la-ciudad-desde-la-infancia",
            "title": "La ciudad vista desde la infancia",
            "intro": (
                "Los derechos de la infancia como responsabilidad municipal y la propuesta de "
                "tomar a niñas y niños como parámetro para repensar la ciudad."
            ),
            "lessons": [
                {
                    "slug": "derechos-de-la-infancia-y-gobierno-local",
                    "title": "Derechos de la infancia y gobierno local",
                    "summary": (
                        "Qué significa la Convención sobre los Derechos del Niño para un municipio "
                        "y por qué la Carta de Ciudades Educadoras da prioridad a la infancia."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Un marco de derechos que también compromete a los municipios"),
                        (
                            "paragraph",
                            "<p>La Convención sobre los Derechos del Niño, adoptada por Naciones "
                            "Unidas en 1989, es el tratado de derechos humanos más ratificado de "
                            "la historia, y todos los países de América Latina son parte de ella. "
                            "Aunque son los Estados quienes la ratifican, muchas de sus "
                            "disposiciones se hacen realidad, o no, en el nivel local: en la "
                            "calidad de las plazas, la seguridad de los trayectos a la escuela, "
                            "el acceso a la cultura y al deporte o la atención de los servicios "
                            "sociales. La mayoría de los países de la región han aprobado además "
                            "leyes de protección integral que asignan responsabilidades a los "
                            "gobiernos locales.</p>"
                            "<p>Desde sus orígenes, la Carta de Ciudades Educadoras presta una "
                            "atención prioritaria a niñas, niños y jóvenes, sin perder de vista "
                            "la educación a lo largo de toda la vida. Gobernar pensando en la "
                            "infancia no es una política sectorial más, sino una manera de "
                            "mejorar la ciudad para todas las personas: una calle segura para un "
                            "niño de ocho años también lo es para una persona mayor o para "
                            "alguien que empuja un cochecito.</p>",
                        ),
                        ("heading", "Cuatro derechos con especial traducción local"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li><strong>El derecho a ser escuchado</strong> (artículo 12): niñas "
                            "y niños tienen derecho a expresar su opinión en los asuntos que les "
                            "afectan y a que esa opinión se tenga debidamente en cuenta.</li>"
                            "<li><strong>El derecho al juego y al descanso</strong> (artículo "
                            "31): exige espacios públicos adecuados, tiempo libre y una oferta "
                            "cultural y recreativa accesible.</li>"
                            "<li><strong>El derecho a la protección</strong> frente a la "
                            "violencia, que se juega en los servicios sociales, en la iluminación "
                            "y el diseño urbano y en la coordinación con escuelas y centros de "
                            "salud.</li>"
                            "<li><strong>El principio de no discriminación</strong>, que obliga a "
                            "mirar especialmente a la infancia en situación de pobreza, con "
                            "discapacidad, migrante o perteneciente a pueblos indígenas.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "UNICEF impulsa desde 1996 la iniciativa Ciudades Amigas de la "
                                    "Infancia, que ofrece un marco de reconocimiento para los "
                                    "municipios que planifican con enfoque de derechos. Puede ser "
                                    "un buen complemento del trabajo en la red de ciudades "
                                    "educadoras."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Por dónde empezar"),
                        (
                            "paragraph",
                            "<p>Un primer paso sencillo es elaborar un diagnóstico de la "
                            "situación de la infancia en el municipio, con datos desagregados por "
                            "barrio y con la voz de las propias niñas y niños. Otro es revisar el "
                            "presupuesto para saber cuánto se invierte realmente en infancia y en "
                            "qué. Ambos ejercicios ofrecen una base sólida para fijar prioridades "
                            "en el plan de gobierno y para rendir cuentas de los avances al final "
                            "del primer año.</p>",
                        ),
                    ],
                },
                {
                    "slug": "la-ciudad-de-los-ninos",
                    "title": "La ciudad de los niños: la propuesta de Francesco Tonucci",
                    "summary": (
                        "Una idea nacida en Fano (Italia) que propone tomar a niñas y niños como "
                        "parámetro para transformar la ciudad."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Fano, 1991"),
                        (
                            "paragraph",
                            "<p>En 1991, el pedagogo italiano Francesco Tonucci, investigador del "
                            "Consejo Nacional de Investigaciones de Italia, impulsó en su ciudad "
                            "natal, Fano, un proyecto que llamó <em>La ciudad de los niños</em>. "
                            "Su punto de partida era una constatación: las ciudades modernas se "
                            "habían diseñado pensando en un ciudadano adulto, varón, trabajador y "
                            "automovilista, y niñas y niños habían desaparecido de las calles. Se "
                            "movían de un lugar cerrado a otro, casi siempre acompañados y en "
                            "automóvil, y habían perdido la posibilidad de explorar, jugar y "
                            "encontrarse por su cuenta.</p>"
                            "<p>La propuesta de Tonucci no consiste en construir más servicios "
                            "para la infancia, sino en algo más ambicioso: adoptar a niñas y "
                            "niños como <strong>parámetro</strong> del cambio urbano. Si una "
                            "ciudad es adecuada para los niños, sostiene, será adecuada para "
                            "todas las personas. La idea se extendió con rapidez y hoy da vida a "
                            "una red internacional de ciudades en Europa y América Latina; "
                            "Rosario, en Argentina, fue una de las pioneras de la región.</p>",
                        ),
                        ("heading", "Dos líneas de acción emblemáticas"),
                        (
                            "paragraph",
                            "<p>La primera es la <strong>participación</strong>: los consejos de "
                            "niñas y niños, integrados por chicos y chicas de entre ocho y once "
                            "años aproximadamente, que se reúnen con regularidad, opinan sobre la "
                            "ciudad y presentan propuestas a las autoridades. No se trata de "
                            "imitar el funcionamiento de los adultos, sino de escuchar de verdad "
                            "una mirada distinta.</p>"
                            "<p>La segunda es la <strong>autonomía</strong>: promover que niñas y "
                            "niños puedan ir solos a la escuela, en grupos y por recorridos "
                            "seguros. Esto requiere acuerdos con las familias y las escuelas, la "
                            "colaboración de comerciantes y vecinos que actúan como referentes a "
                            "lo largo del camino, cambios en la circulación y campañas para "
                            "moderar la velocidad de los vehículos. El resultado beneficia a toda "
                            "la comunidad: calles más tranquilas, más presencia de gente y más "
                            "cuidado mutuo.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "quote",
                                "text": (
                                    "Cuando la ciudad se vuelve adecuada para niñas y niños, se "
                                    "vuelve mejor para todas las personas."
                                ),
                                "attribution": "Idea central de Francesco Tonucci, en paráfrasis",
                            },
                        ),
                        ("heading", "Lo que no es"),
                        (
                            "paragraph",
                            "<p>La ciudad de los niños no es un parque temático ni una actividad "
                            "recreativa de fin de semana. Tampoco es un proyecto exclusivo del "
                            "área de educación o de infancia: afecta al tránsito, al urbanismo, a "
                            "la seguridad y a la cultura. Por eso suele funcionar mejor cuando "
                            "depende directamente de la máxima autoridad del municipio y cuando "
                            "las propuestas de los niños reciben respuestas concretas y "
                            "visibles.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "primera-infancia-y-participacion",
            "title": "Primera infancia y participación infantil",
            "intro": (
                "Cómo puede la ciudad acompañar los primeros años de vida y cómo poner en marcha, "
                "paso a paso, un consejo de niñas y niños."
            ),
            "lessons": [
                {
                    "slug": "primera-infancia-y-espacio-publico",
                    "title": "Los primeros años y el espacio público",
                    "summary": (
                        "Por qué los primeros años son decisivos y qué puede hacer un municipio "
                        "para que la ciudad sea buena para bebés, niñas y niños pequeños y sus "
                        "cuidadores."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Una etapa decisiva"),
                        (
                            "paragraph",
                            "<p>Los primeros años de vida, especialmente hasta los cinco o seis "
                            "años, son un período de desarrollo cerebral extraordinariamente "
                            "intenso. Las experiencias de esta etapa (la nutrición, el afecto, el "
                            "juego, la conversación, la estabilidad del entorno) dejan huellas "
                            "profundas en la salud, el aprendizaje y el bienestar a lo largo de "
                            "la vida. Por eso muchos especialistas consideran que invertir en la "
                            "primera infancia es una de las decisiones más rentables que puede "
                            "tomar una sociedad, sobre todo cuando la inversión llega a las "
                            "familias en situación de mayor vulnerabilidad.</p>"
                            "<p>Los municipios tienen aquí un papel importante, aunque a menudo "
                            "subestimado. Además de los servicios directos, como centros de "
                            "desarrollo infantil, jardines maternales o programas de visitas "
                            "domiciliarias, la ciudad influye en la vida cotidiana de los más "
                            "pequeños a través del espacio público, el transporte, la calidad del "
                            "aire y las oportunidades de encuentro entre familias.</p>",
                        ),
                        ("heading", "La ciudad a 95 centímetros"),
                        (
                            "paragraph",
                            "<p>La Fundación Bernard van Leer popularizó la pregunta de qué "
                            "harían los gobiernos si miraran la ciudad desde 95 centímetros, la "
                            "altura media de un niño de tres años. Su iniciativa <em>Urban95</em> "
                            "ha acompañado a ciudades de distintos países, varias de ellas "
                            "latinoamericanas, en intervenciones como estas:</p>"
                            "<ul>"
                            "<li>plazas y veredas con elementos de juego, sombra, bancos y baños "
                            "cercanos;</li>"
                            "<li>rutas seguras y caminables entre la vivienda, los servicios de "
                            "salud, los centros infantiles y los mercados;</li>"
                            "<li>reducción de la velocidad y del tránsito en los entornos de "
                            "escuelas y centros de cuidado;</li>"
                            "<li>transporte público accesible para personas con cochecitos;</li>"
                            "<li>espacios de lectura, juego y encuentro para familias con bebés "
                            "en bibliotecas y centros culturales.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Recorra un trayecto habitual de su ciudad empujando un "
                                    "cochecito o acompañando a una niña de tres años, y anote cada "
                                    "obstáculo. Pocas experiencias convencen tanto a un equipo de "
                                    "gobierno de la necesidad de cambiar."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Cuidar a quienes cuidan"),
                        (
                            "paragraph",
                            "<p>Una política de primera infancia es también una política para "
                            "madres, padres, abuelas y demás personas cuidadoras. Ofrecer "
                            "información clara sobre los servicios, espacios de crianza "
                            "compartida, apoyos para compatibilizar el trabajo y el cuidado, y "
                            "formación para el personal que atiende al público son medidas al "
                            "alcance de cualquier municipio. Coordinarlas desde una mesa "
                            "intersectorial de primera infancia evita duplicaciones y facilita "
                            "que cada familia encuentre una puerta de entrada.</p>",
                        ),
                    ],
                },
                {
                    "slug": "consejo-de-ninas-y-ninos",
                    "title": "Poner en marcha un consejo de niñas y niños",
                    "summary": (
                        "Una guía práctica para crear, acompañar y evaluar un consejo infantil con "
                        "influencia real en las decisiones municipales."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Antes de empezar: el compromiso político"),
                        (
                            "paragraph",
                            "<p>Un consejo de niñas y niños solo tiene sentido si la autoridad "
                            "municipal está dispuesta a escucharlo y a responderle. Antes de la "
                            "primera convocatoria conviene definir quién será la persona de "
                            "referencia en el gobierno, cómo llegarán las propuestas a las áreas "
                            "correspondientes y en qué plazos se responderá. Sin ese compromiso, "
                            "el consejo se convierte en una actividad decorativa que enseña a los "
                            "niños exactamente lo contrario de lo que se pretende: que su opinión "
                            "no cuenta.</p>",
                        ),
                        ("heading", "Pasos para la puesta en marcha"),
                        (
                            "paragraph",
                            "<ol>"
                            "<li><strong>Convocatoria a través de las escuelas.</strong> Invitar "
                            "a escuelas de distintos barrios y tipos de gestión. Muchas ciudades "
                            "eligen a los consejeros por sorteo entre quienes desean participar, "
                            "y no por votación, para no reproducir la lógica de la competencia "
                            "electoral y para dar oportunidad a quienes no suelen destacar.</li>"
                            "<li><strong>Equipo de coordinación.</strong> Asignar personas "
                            "formadas en facilitación y en trabajo con la infancia, con "
                            "continuidad en el tiempo.</li>"
                            "<li><strong>Reuniones periódicas.</strong> Encuentros quincenales o "
                            "mensuales en un edificio público significativo, con dinámicas de "
                            "juego, recorridos por la ciudad y debate.</li>"
                            "<li><strong>Presentación de propuestas.</strong> Al menos una vez al "
                            "año, una sesión con la máxima autoridad del municipio y, si es "
                            "posible, con el órgano legislativo local.</li>"
                            "<li><strong>Devolución.</strong> Informar por escrito y en persona "
                            "qué se hará con cada propuesta, en qué plazo y, si no es posible, "
                            "por qué.</li>"
                            "</ol>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Asegúrese de que cada propuesta del consejo tenga una persona "
                                    "técnica responsable en el área correspondiente. Una sola "
                                    "propuesta realizada, como un cruce seguro frente a una "
                                    "escuela, vale más que diez promesas."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Evaluar con los propios niños"),
                        (
                            "paragraph",
                            "<p>La evaluación puede combinar indicadores sencillos (propuestas "
                            "presentadas, respondidas y ejecutadas; diversidad de barrios y "
                            "escuelas representados; continuidad de los participantes) con la "
                            "valoración de los propios consejeros, de sus familias y de sus "
                            "docentes. Preguntar a niñas y niños qué aprendieron, qué les gustó y "
                            "qué cambiarían no solo mejora el programa: también es coherente con "
                            "el derecho a ser escuchados que lo fundamenta.</p>"
                            "<p>Con el tiempo, muchos municipios articulan el consejo infantil "
                            "con otros espacios del ecosistema participativo, como los "
                            "presupuestos participativos o los consejos de juventud, de modo que "
                            "la experiencia de participación acompañe el crecimiento de las "
                            "personas.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
}


CEC_203: dict[str, Any] = {
    "code": "CEC-203",
    "slug": "politicas-publicas-participacion-juvenil",
    "nominal_hours": 12,
    "i18n": {
        "es": {
            "title": "Políticas públicas y participación juvenil",
            "summary": (
                "Claves para diseñar políticas locales de juventud integrales y para abrir "
                "espacios en los que las personas jóvenes participen de verdad en las decisiones "
                "que las afectan."
            ),
            "certificate_title": "Políticas públicas y participación juvenil",
            "certificate_description": (
                "Completó un curso sobre el diseño de políticas municipales de juventud y la "
                "promoción de la participación juvenil en el gobierno local."
            ),
            "audience": (
                "Autoridades electas, responsables y equipos municipales de juventud, educación, "
                "cultura, deporte y empleo, y personas que acompañan consejos u organizaciones "
                "juveniles."
            ),
            "duration": "4 semanas, unas 3 horas por semana",
            "learning_outcomes": [
                "Reconocer la diversidad de las juventudes y superar miradas adultocéntricas.",
                "Identificar los componentes de una política local de juventud integral.",
                "Comparar formatos de participación juvenil y sus condiciones de éxito.",
                "Detectar y evitar la participación juvenil decorativa o simbólica.",
            ],
        },
        "pt": {
            "title": "Políticas públicas e participação juvenil",
            "summary": (
                "Chaves para elaborar políticas locais de juventude integrais e para abrir espaços "
                "em que as pessoas jovens participem de verdade das decisões que as afetam."
            ),
            "certificate_title": "Políticas públicas e participação juvenil",
            "certificate_description": (
                "Concluiu um curso sobre a elaboração de políticas municipais de juventude e a "
                "promoção da participação juvenil no governo local."
            ),
            "audience": (
                "Autoridades eleitas, gestores e equipes municipais de juventude, educação, "
                "cultura, esporte e trabalho, além de quem acompanha conselhos ou coletivos "
                "juvenis."
            ),
            "duration": "4 semanas, cerca de 3 horas por semana",
            "learning_outcomes": [
                "Reconhecer a diversidade das juventudes e superar olhares adultocêntricos.",
                "Identificar os componentes de uma política local de juventude integral.",
                "Comparar formatos de participação juvenil e suas condições de sucesso.",
                "Detectar e evitar a participação juvenil decorativa ou simbólica.",
            ],
        },
        "fr": {
            "title": "Politiques publiques et participation des jeunes",
            "summary": (
                "Des clés pour concevoir des politiques locales de jeunesse intégrées et pour "
                "ouvrir des espaces où les jeunes participent réellement aux décisions qui les "
                "concernent."
            ),
            "certificate_title": "Politiques publiques et participation des jeunes",
            "certificate_description": (
                "A suivi avec succès un cours sur la conception des politiques municipales de "
                "jeunesse et la promotion de la participation des jeunes à la vie publique locale."
            ),
            "audience": (
                "Élus, responsables et équipes municipales de la jeunesse, de l'éducation, de la "
                "culture, du sport et de l'emploi, ainsi que les personnes qui accompagnent des "
                "conseils ou des associations de jeunes."
            ),
            "duration": "4 semaines, environ 3 heures par semaine",
            "learning_outcomes": [
                "Reconnaître la diversité des jeunesses et dépasser les regards adultocentrés.",
                "Identifier les composantes d'une politique locale de jeunesse intégrée.",
                (
                    "Comparer différents formats de participation des jeunes et leurs conditions "
                    "de réussite."
                ),
                "Repérer et éviter la participation de façade ou purement symbolique.",
            ],
        },
        "en": {
            "title": "Public policies and youth participation",
            "summary": (
                "Keys to designing comprehensive local youth policies and to opening spaces where "
                "young people genuinely take part in the decisions that affect them."
            ),
            "certificate_title": "Public Policies and Youth Participation",
            "certificate_description": (
                "Completed a course on designing municipal youth policies and promoting youth "
                "participation in local government."
            ),
            "audience": (
                "Elected officials, youth officers and municipal teams in youth, education, "
                "culture, sport and employment, as well as people who support youth councils or "
                "organisations."
            ),
            "duration": "4 weeks, about 3 hours a week",
            "learning_outcomes": [
                "Recognise the diversity of young people and move beyond adult-centred views.",
                "Identify the components of a comprehensive local youth policy.",
                "Compare youth participation formats and the conditions for their success.",
                "Detect and avoid decorative or tokenistic youth participation.",
            ],
        },
        "ca": {
            "title": "Polítiques públiques i participació juvenil",
            "summary": (
                "Claus per dissenyar polítiques locals de joventut integrals i per obrir espais on "
                "les persones joves participin de debò en les decisions que les afecten."
            ),
            "certificate_title": "Polítiques públiques i participació juvenil",
            "certificate_description": (
                "Ha completat un curs sobre el disseny de polítiques municipals de joventut i la "
                "promoció de la participació juvenil en el govern local."
            ),
            "audience": (
                "Càrrecs electes, responsables i equips municipals de joventut, educació, cultura, "
                "esports i ocupació, i persones que acompanyen consells o entitats juvenils."
            ),
            "duration": "4 setmanes, unes 3 hores per setmana",
            "learning_outcomes": [
                "Reconèixer la diversitat de les joventuts i superar les mirades adultocèntriques.",
                "Identificar els components d'una política local de joventut integral.",
                "Comparar formats de participació juvenil i les seves condicions d'èxit.",
                "Detectar i evitar la participació juvenil decorativa o simbòlica.",
            ],
        },
    },
    "modules": [
        {
            "slug": "juventudes-y-politica-local",
            "title": "Juventudes y política local",
            "intro": (
                "Quiénes son las personas jóvenes de nuestras ciudades, qué necesitan y cómo "
                "construir una política de juventud que vaya más allá de las actividades aisladas."
            ),
            "lessons": [
                {
                    "slug": "juventudes-plurales",
                    "title": "Juventudes plurales",
                    "summary": (
                        "Por qué hablar de juventudes en plural, cómo superar los estereotipos y "
                        "qué marcos de derechos orientan la acción local."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Juventudes, en plural"),
                        (
                            "paragraph",
                            "<p>No existe una sola juventud. Una estudiante universitaria de un "
                            "barrio céntrico, un joven que trabaja en la economía informal desde "
                            "los quince años, una madre adolescente, un joven indígena que migró "
                            "a la ciudad o una persona joven con discapacidad viven realidades "
                            "muy diferentes, aunque compartan un tramo de edad. Por eso cada vez "
                            "más políticas públicas hablan de <strong>juventudes</strong>, en "
                            "plural, y reconocen que las desigualdades de clase, género, "
                            "territorio y origen atraviesan esta etapa de la vida.</p>"
                            "<p>Las definiciones de edad también varían. Naciones Unidas utiliza "
                            "con fines estadísticos el tramo de 15 a 24 años, mientras que muchas "
                            "legislaciones nacionales y municipales de América Latina extienden "
                            "la juventud hasta los 29 o incluso los 35 años. Conviene que cada "
                            "municipio defina con claridad su población destinataria, sin perder "
                            "de vista que lo importante son las transiciones propias de esta "
                            "etapa: de la escuela a la formación superior o al trabajo, de la "
                            "familia de origen a la vida autónoma, de la participación tutelada a "
                            "la ciudadanía plena.</p>",
                        ),
                        ("heading", "Superar el adultocentrismo"),
                        (
                            "paragraph",
                            "<p>Con frecuencia, las instituciones miran a las personas jóvenes "
                            "desde dos estereotipos opuestos: como un problema (violencia, "
                            "consumos, desempleo) o como «el futuro», lo que equivale a decir que "
                            "todavía no cuentan en el presente. Ambas miradas son "
                            "<strong>adultocéntricas</strong>: suponen que son las personas "
                            "adultas quienes saben lo que la juventud necesita. La Carta de "
                            "Ciudades Educadoras propone, en cambio, reconocer a las personas "
                            "jóvenes como sujetos de derechos y como agentes activos de la vida "
                            "de la ciudad, con saberes, culturas y formas de organización "
                            "propias.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "La Convención Iberoamericana de Derechos de los Jóvenes, "
                                    "firmada en Badajoz (España) en 2005 en el marco del Organismo "
                                    "Internacional de Juventud para Iberoamérica, reconoce a las "
                                    "personas jóvenes derechos civiles, políticos, económicos, "
                                    "sociales y culturales, incluido el derecho a participar. Es "
                                    "un marco útil para fundamentar las políticas locales."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Escuchar antes de planificar"),
                        (
                            "paragraph",
                            "<p>El primer paso de una política local de juventud debería ser un "
                            "diagnóstico participativo: encuestas, grupos de conversación en "
                            "escuelas, clubes y barrios, recorridos por la ciudad con colectivos "
                            "juveniles y análisis de datos sobre educación, empleo, salud y "
                            "violencia. Incluir a jóvenes en el propio equipo que realiza el "
                            "diagnóstico mejora la calidad de la información y genera confianza "
                            "desde el inicio.</p>",
                        ),
                    ],
                },
                {
                    "slug": "politica-integral-de-juventud",
                    "title": "Hacia una política integral de juventud",
                    "summary": (
                        "Los componentes de un plan local de juventud transversal, con recursos y "
                        "objetivos evaluables."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Del evento a la política"),
                        (
                            "paragraph",
                            "<p>En muchos municipios, la política de juventud se reduce a "
                            "festivales, torneos deportivos o actividades puntuales. Son "
                            "valiosos, pero no alcanzan. Una política integral aborda las "
                            "distintas dimensiones de la vida de las personas jóvenes (educación, "
                            "trabajo, vivienda, salud, cultura, movilidad y participación) y "
                            "coordina a las áreas que intervienen en cada una. Su herramienta "
                            "habitual es un <strong>plan local de juventud</strong> con "
                            "objetivos, acciones, responsables, presupuesto e indicadores, "
                            "elaborado con la participación de la propia juventud.</p>",
                        ),
                        ("heading", "Componentes habituales"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li><strong>Educación y formación:</strong> acompañamiento de las "
                            "trayectorias escolares, prevención del abandono, orientación "
                            "vocacional y programas de segunda oportunidad.</li>"
                            "<li><strong>Trabajo y emprendimiento:</strong> primeras experiencias "
                            "laborales, formación en oficios, apoyo a cooperativas y proyectos "
                            "juveniles.</li>"
                            "<li><strong>Salud y bienestar:</strong> salud mental, salud sexual y "
                            "reproductiva y prevención de consumos problemáticos con un enfoque "
                            "no estigmatizante.</li>"
                            "<li><strong>Cultura, deporte y espacio público:</strong> "
                            "equipamientos gestionados con participación juvenil y apoyo a las "
                            "expresiones culturales propias.</li>"
                            "<li><strong>Participación y ciudadanía:</strong> espacios estables "
                            "de incidencia en las decisiones municipales.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Nombre en cada secretaría a una persona de referencia para "
                                    "juventud. Una red interna de referentes, coordinada por el "
                                    "área de juventud, suele ser más eficaz que pretender que esa "
                                    "área lo haga todo."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Los centros juveniles como nodos"),
                        (
                            "paragraph",
                            "<p>Las casas o centros de juventud pueden ser mucho más que un lugar "
                            "de actividades: cuando se gestionan con la participación de "
                            "colectivos juveniles, se convierten en nodos de información, "
                            "encuentro, formación y organización. Algunas ciudades ceden la "
                            "cogestión de estos espacios a asociaciones de jóvenes, con acuerdos "
                            "claros sobre responsabilidades y recursos. Es una forma concreta de "
                            "aprendizaje democrático que encaja con el enfoque de la ciudad "
                            "educadora.</p>"
                            "<p>En los primeros cien días, un gobierno local puede revisar los "
                            "programas existentes, identificar duplicaciones y vacíos, y convocar "
                            "a las organizaciones juveniles para acordar las prioridades del "
                            "plan. Definir desde el inicio qué indicadores se usarán (por "
                            "ejemplo, la proporción de jóvenes que no estudian ni trabajan en "
                            "cada barrio, el uso de los equipamientos o la presencia juvenil en "
                            "espacios de decisión) facilitará la evaluación posterior.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "participacion-juvenil-en-la-practica",
            "title": "La participación juvenil en la práctica",
            "intro": (
                "Los formatos de participación juvenil más utilizados y las condiciones para que "
                "tengan una influencia real en las decisiones."
            ),
            "lessons": [
                {
                    "slug": "consejos-y-espacios-juveniles",
                    "title": "Consejos de juventud y otros espacios de participación",
                    "summary": (
                        "Ventajas, límites y condiciones de los consejos de juventud, los "
                        "presupuestos participativos juveniles y las formas de participación no "
                        "institucional."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Los consejos de juventud"),
                        (
                            "paragraph",
                            "<p>Los consejos municipales o locales de juventud son el formato más "
                            "extendido. Suelen reunir a representantes de organizaciones "
                            "juveniles, centros de estudiantes y, a veces, jóvenes no "
                            "organizados, con funciones consultivas o de propuesta ante el "
                            "gobierno local. Bien diseñados, permiten que la voz juvenil llegue "
                            "de forma estable a las decisiones; mal diseñados, se convierten en "
                            "espacios formales con poca actividad y escasa renovación.</p>"
                            "<p>Algunas condiciones marcan la diferencia: una norma que defina "
                            "sus funciones y obligue al municipio a responder a sus propuestas; "
                            "autonomía para fijar su propia agenda; recursos para funcionar, como "
                            "un espacio físico, un presupuesto pequeño y acompañamiento técnico; "
                            "mecanismos de renovación que eviten que participen siempre las "
                            "mismas personas; y horarios y formatos compatibles con la vida de "
                            "estudiantes y trabajadores jóvenes.</p>",
                        ),
                        ("heading", "Más allá del consejo"),
                        (
                            "paragraph",
                            "<p>Un ecosistema de participación juvenil no se agota en el consejo. "
                            "Los <strong>presupuestos participativos juveniles</strong> permiten "
                            "que jóvenes propongan y voten proyectos con recursos reales. Los "
                            "<strong>fondos para iniciativas juveniles</strong> financian "
                            "proyectos culturales, sociales o ambientales diseñados y gestionados "
                            "por colectivos. Las <strong>consultas y plataformas "
                            "digitales</strong> llegan a quienes no participan presencialmente. Y "
                            "los parlamentos o cabildos juveniles, a menudo organizados junto con "
                            "escuelas secundarias, son una oportunidad de formación cívica.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Reconozca también la participación que no pasa por el "
                                    "municipio: colectivos culturales, grupos ambientalistas, "
                                    "clubes deportivos, movimientos estudiantiles o comunidades en "
                                    "línea. Invitarlos sin pretender encuadrarlos suele abrir "
                                    "puertas que los canales formales no abren."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "La edad de voto y la participación política"),
                        (
                            "paragraph",
                            "<p>El debate sobre la participación juvenil incluye también el voto. "
                            "Algunos países de la región, como Argentina, Brasil y Ecuador, "
                            "permiten votar desde los 16 años en elecciones nacionales. Sea cual "
                            "sea la normativa, los gobiernos locales pueden contribuir a la "
                            "formación política de las personas jóvenes abriendo las sesiones del "
                            "órgano legislativo local a visitas escolares, explicando el "
                            "presupuesto en lenguaje claro y creando oportunidades de diálogo "
                            "directo con las autoridades.</p>",
                        ),
                    ],
                },
                {
                    "slug": "evitar-la-participacion-decorativa",
                    "title": "Evitar la participación decorativa",
                    "summary": (
                        "Cómo reconocer y evitar la manipulación, la decoración y el simbolismo en "
                        "la participación juvenil, y cómo evaluar su calidad."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "La escalera de Hart"),
                        (
                            "paragraph",
                            "<p>En 1992, el psicólogo ambiental Roger Hart adaptó la escalera de "
                            "Arnstein a la participación de niñas, niños y jóvenes en un ensayo "
                            "publicado por UNICEF. Su modelo distingue tres peldaños inferiores "
                            "que no constituyen participación real: la "
                            "<strong>manipulación</strong>, cuando se utiliza a jóvenes para "
                            "transmitir mensajes que no comprenden o no comparten; la "
                            "<strong>decoración</strong>, cuando su presencia sirve para adornar "
                            "un acto; y el <strong>simbolismo</strong> o participación aparente, "
                            "cuando se les da la palabra sin ninguna posibilidad de influir. Por "
                            "encima se sitúan formas crecientes de participación genuina, desde "
                            "ser informados y consultados hasta iniciar proyectos propios y "
                            "compartir decisiones con las personas adultas.</p>"
                            "<p>La escalera no pretende que toda actividad alcance el peldaño más "
                            "alto, sino ayudar a reconocer con honestidad lo que se está "
                            "ofreciendo. La foto de la autoridad rodeada de jóvenes en un acto "
                            "oficial puede ser legítima como comunicación, pero no debe "
                            "confundirse con participación.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "quote",
                                "text": (
                                    "Las personas jóvenes no deberían estar en el escenario solo "
                                    "para la fotografía: la participación auténtica implica "
                                    "comprender el propósito, tener un papel significativo y poder "
                                    "decidir si se participa."
                                ),
                                "attribution": (
                                    "Síntesis de las ideas de Roger Hart (1992), en paráfrasis"
                                ),
                            },
                        ),
                        ("heading", "Señales de alerta y buenas prácticas"),
                        (
                            "paragraph",
                            "<p>Algunas señales de alerta son fáciles de reconocer: las "
                            "propuestas juveniles nunca reciben respuesta; participan siempre los "
                            "mismos jóvenes, cercanos al partido de gobierno; las convocatorias "
                            "llegan con pocos días de anticipación; las reuniones se realizan en "
                            "horarios imposibles; el lenguaje técnico impide comprender lo que se "
                            "discute. Frente a ellas, las buenas prácticas incluyen información "
                            "previa accesible, apoyo para el traslado, reconocimiento del tiempo "
                            "dedicado cuando corresponda, facilitación profesional y, sobre todo, "
                            "respuestas documentadas a cada propuesta.</p>",
                        ),
                        ("heading", "Evaluar junto con las juventudes"),
                        (
                            "paragraph",
                            "<p>Una evaluación coherente con estos principios incluye a las "
                            "personas jóvenes en su diseño. Además de los indicadores "
                            "cuantitativos (participantes, diversidad, propuestas aprobadas y "
                            "ejecutadas), vale la pena preguntar si quienes participaron sienten "
                            "que su opinión contó, qué aprendieron y si volverían a participar. "
                            "Esa última pregunta resume bien la calidad de un proceso.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
}


CEC_204: dict[str, Any] = {
    "code": "CEC-204",
    "slug": "diversidad-sexual-ciudades-educadoras",
    "nominal_hours": 10,
    "i18n": {
        "es": {
            "title": "La diversidad sexual en las ciudades educadoras",
            "summary": (
                "Conceptos, marcos de derechos y herramientas para que los gobiernos locales "
                "garanticen la igualdad y la no discriminación de las personas LGBTIQ+ en los "
                "servicios, los espacios públicos y la vida de la ciudad."
            ),
            "certificate_title": "La diversidad sexual en las ciudades educadoras",
            "certificate_description": (
                "Completó un curso sobre diversidad sexual y de género, derechos de las personas "
                "LGBTIQ+ y políticas municipales de inclusión y no discriminación."
            ),
            "audience": (
                "Autoridades electas y personal municipal de todas las áreas, en especial de "
                "atención a la ciudadanía, educación, salud, cultura, seguridad y derechos humanos."
            ),
            "duration": "4 semanas, unas 2 a 3 horas por semana",
            "learning_outcomes": [
                (
                    "Utilizar con precisión y respeto los conceptos básicos sobre orientación "
                    "sexual, identidad y expresión de género."
                ),
                (
                    "Identificar los principales marcos internacionales y regionales de derechos "
                    "aplicables."
                ),
                "Proponer medidas para que los servicios municipales sean seguros e inclusivos.",
                "Diseñar las líneas básicas de un plan municipal de diversidad sexual y de género.",
            ],
        },
        "pt": {
            "title": "A diversidade sexual nas cidades educadoras",
            "summary": (
                "Conceitos, marcos de direitos e ferramentas para que os governos locais garantam "
                "a igualdade e a não discriminação das pessoas LGBTIQ+ nos serviços, nos espaços "
                "públicos e na vida da cidade."
            ),
            "certificate_title": "A diversidade sexual nas cidades educadoras",
            "certificate_description": (
                "Concluiu um curso sobre diversidade sexual e de gênero, direitos das pessoas "
                "LGBTIQ+ e políticas municipais de inclusão e não discriminação."
            ),
            "audience": (
                "Autoridades eleitas e servidores municipais de todas as áreas, especialmente de "
                "atendimento ao público, educação, saúde, cultura, segurança e direitos humanos."
            ),
            "duration": "4 semanas, cerca de 2 a 3 horas por semana",
            "learning_outcomes": [
                (
                    "Usar com precisão e respeito os conceitos básicos sobre orientação sexual, "
                    "identidade e expressão de gênero."
                ),
                (
                    "Identificar os principais marcos internacionais e regionais de direitos "
                    "aplicáveis."
                ),
                "Propor medidas para que os serviços municipais sejam seguros e inclusivos.",
                (
                    "Elaborar as linhas gerais de um plano municipal de diversidade sexual e de "
                    "gênero."
                ),
            ],
        },
        "fr": {
            "title": "La diversité sexuelle dans les villes éducatrices",
            "summary": (
                "Notions, cadres de droits et outils pour que les collectivités locales "
                "garantissent l'égalité et la non-discrimination des personnes LGBTIQ+ dans les "
                "services, les espaces publics et la vie de la ville."
            ),
            "certificate_title": "La diversité sexuelle dans les villes éducatrices",
            "certificate_description": (
                "A suivi avec succès un cours sur la diversité sexuelle et de genre, les droits "
                "des personnes LGBTIQ+ et les politiques municipales d'inclusion et de "
                "non-discrimination."
            ),
            "audience": (
                "Élus et agents municipaux de tous les services, en particulier de l'accueil du "
                "public, de l'éducation, de la santé, de la culture, de la sécurité et des droits "
                "humains."
            ),
            "duration": "4 semaines, environ 2 à 3 heures par semaine",
            "learning_outcomes": [
                (
                    "Employer avec précision et respect les notions de base sur l'orientation "
                    "sexuelle, l'identité et l'expression de genre."
                ),
                (
                    "Identifier les principaux cadres internationaux et régionaux de droits "
                    "applicables."
                ),
                "Proposer des mesures pour rendre les services municipaux sûrs et inclusifs.",
                (
                    "Concevoir les grandes lignes d'un plan municipal pour la diversité sexuelle "
                    "et de genre."
                ),
            ],
        },
        "en": {
            "title": "Sexual diversity in educating cities",
            "summary": (
                "Concepts, rights frameworks and tools for local governments to guarantee equality "
                "and non-discrimination for LGBTIQ+ people in public services, public spaces and "
                "city life."
            ),
            "certificate_title": "Sexual Diversity in Educating Cities",
            "certificate_description": (
                "Completed a course on sexual and gender diversity, the rights of LGBTIQ+ people "
                "and municipal policies for inclusion and non-discrimination."
            ),
            "audience": (
                "Elected officials and municipal staff from every department, especially those "
                "working in public-facing services, education, health, culture, public safety and "
                "human rights."
            ),
            "duration": "4 weeks, about 2 to 3 hours a week",
            "learning_outcomes": [
                (
                    "Use the basic concepts of sexual orientation, gender identity and gender "
                    "expression accurately and respectfully."
                ),
                "Identify the main international and regional rights frameworks that apply.",
                "Propose measures to make municipal services safe and inclusive.",
                "Outline a municipal plan for sexual and gender diversity.",
            ],
        },
        "ca": {
            "title": "La diversitat sexual a les ciutats educadores",
            "summary": (
                "Conceptes, marcs de drets i eines perquè els governs locals garanteixin la "
                "igualtat i la no-discriminació de les persones LGBTIQ+ en els serveis, els espais "
                "públics i la vida de la ciutat."
            ),
            "certificate_title": "La diversitat sexual a les ciutats educadores",
            "certificate_description": (
                "Ha completat un curs sobre diversitat sexual i de gènere, drets de les persones "
                "LGBTIQ+ i polítiques municipals d'inclusió i no-discriminació."
            ),
            "audience": (
                "Càrrecs electes i personal municipal de totes les àrees, especialment d'atenció a "
                "la ciutadania, educació, salut, cultura, seguretat i drets humans."
            ),
            "duration": "4 setmanes, unes 2 o 3 hores per setmana",
            "learning_outcomes": [
                (
                    "Utilitzar amb precisió i respecte els conceptes bàsics sobre orientació "
                    "sexual, identitat i expressió de gènere."
                ),
                "Identificar els principals marcs internacionals i regionals de drets aplicables.",
                "Proposar mesures perquè els serveis municipals siguin segurs i inclusius.",
                (
                    "Dissenyar les línies bàsiques d'un pla municipal de diversitat sexual i de "
                    "gènere."
                ),
            ],
        },
    },
    "modules": [
        {
            "slug": "conceptos-y-derechos",
            "title": "Conceptos y marco de derechos",
            "intro": (
                "Un vocabulario común y los principales marcos de derechos que orientan la acción "
                "municipal en materia de diversidad sexual y de género."
            ),
            "lessons": [
                {
                    "slug": "conceptos-basicos",
                    "title": "Conceptos básicos para hablar con precisión y respeto",
                    "summary": (
                        "Orientación sexual, identidad de género, expresión de género y "
                        "características sexuales: qué significa cada concepto y por qué importa "
                        "usarlos bien."
                    ),
                    "minutes": 9,
                    "body": [
                        ("heading", "Por qué importan las palabras"),
                        (
                            "paragraph",
                            "<p>Las políticas públicas empiezan por el lenguaje. Nombrar con "
                            "precisión y respeto a las personas destinatarias de una política es "
                            "una condición para diseñarla bien y para que esas personas confíen "
                            "en las instituciones. Muchas situaciones de discriminación en los "
                            "servicios públicos no nacen de la mala fe, sino del desconocimiento: "
                            "un formulario que no contempla otras realidades, una pregunta "
                            "inadecuada en una ventanilla, un chiste en una reunión de equipo. "
                            "Formar al personal municipal en unos pocos conceptos básicos es una "
                            "medida de bajo costo y gran impacto.</p>",
                        ),
                        ("heading", "Cuatro dimensiones distintas"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li><strong>Orientación sexual:</strong> la atracción emocional, "
                            "afectiva y sexual hacia personas de un género diferente, del mismo "
                            "género o de más de un género. Incluye, entre otras, la "
                            "heterosexualidad, la homosexualidad (lesbianas y gais) y la "
                            "bisexualidad.</li>"
                            "<li><strong>Identidad de género:</strong> la vivencia interna e "
                            "individual del género tal como cada persona la siente, que puede "
                            "corresponder o no con el sexo asignado al nacer. Las personas trans "
                            "tienen una identidad de género distinta de la que se les asignó; las "
                            "personas cisgénero, una identidad coincidente.</li>"
                            "<li><strong>Expresión de género:</strong> la manera en que cada "
                            "persona manifiesta su género a través de la vestimenta, el lenguaje, "
                            "el comportamiento o la apariencia.</li>"
                            "<li><strong>Características sexuales:</strong> los rasgos físicos, "
                            "como los cromosomas, las gónadas o los órganos genitales. Las "
                            "personas intersex nacen con características que no encajan en las "
                            "definiciones típicas de cuerpos masculinos o femeninos.</li>"
                            "</ul>"
                            "<p>Estas dimensiones son independientes entre sí. Una mujer trans "
                            "puede ser lesbiana, heterosexual o bisexual; un hombre con una "
                            "expresión de género poco convencional puede ser heterosexual. La "
                            "sigla <strong>LGBTIQ+</strong> (lesbianas, gais, bisexuales, trans, "
                            "intersex, queer y otras identidades) agrupa a poblaciones con "
                            "necesidades diferentes, que conviene no tratar como un bloque "
                            "homogéneo.</p>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Ante la duda sobre cómo referirse a una persona, pregúntele "
                                    "con naturalidad cómo prefiere que la llamen y respete su "
                                    "respuesta. En los registros municipales, utilice el nombre "
                                    "con el que la persona se identifica siempre que la normativa "
                                    "lo permita."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Un lenguaje que evoluciona"),
                        (
                            "paragraph",
                            "<p>El vocabulario sobre diversidad sexual cambia con el tiempo y "
                            "varía entre países y comunidades. Algunos términos que fueron "
                            "habituales hoy se consideran ofensivos o patologizantes. La mejor "
                            "guía es escuchar a las organizaciones locales de la diversidad y "
                            "mantener una actitud abierta a aprender. El objetivo no es memorizar "
                            "definiciones, sino asegurar un trato digno a todas las personas.</p>",
                        ),
                    ],
                },
                {
                    "slug": "marco-de-derechos",
                    "title": "El marco internacional y regional de derechos",
                    "summary": (
                        "Los principales instrumentos que sustentan la igualdad de las personas "
                        "LGBTIQ+ y su relación con la Carta de Ciudades Educadoras."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Derechos humanos sin excepciones"),
                        (
                            "paragraph",
                            "<p>Las personas LGBTIQ+ no reclaman derechos especiales, sino el "
                            "ejercicio pleno de los mismos derechos humanos que corresponden a "
                            "toda persona: la vida, la integridad, la igualdad ante la ley, la "
                            "educación, la salud, el trabajo, la participación y la libre "
                            "expresión. Sin embargo, en todo el mundo siguen enfrentando "
                            "violencia, discriminación y exclusión por su orientación sexual, su "
                            "identidad o expresión de género o sus características sexuales. "
                            "América Latina combina avances legislativos muy significativos con "
                            "altos niveles de violencia, especialmente contra las mujeres "
                            "trans.</p>",
                        ),
                        ("heading", "Instrumentos de referencia"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li><strong>Los Principios de Yogyakarta (2006)</strong>, elaborados "
                            "por un grupo de especialistas en derechos humanos, explican cómo se "
                            "aplica el derecho internacional a las cuestiones de orientación "
                            "sexual e identidad de género. En 2017 se complementaron con los "
                            "llamados Principios de Yogyakarta más 10, que incorporan la "
                            "expresión de género y las características sexuales.</li>"
                            "<li><strong>La Opinión Consultiva OC-24/17 de la Corte "
                            "Interamericana de Derechos Humanos (2017)</strong> estableció que "
                            "los Estados deben permitir el reconocimiento de la identidad de "
                            "género autopercibida mediante procedimientos sencillos y garantizar "
                            "a las parejas del mismo sexo el acceso a las mismas figuras "
                            "jurídicas que a las demás, incluido el matrimonio.</li>"
                            "<li><strong>Las legislaciones nacionales</strong> de la región "
                            "muestran avances importantes, como la Ley de Identidad de Género de "
                            "Argentina (2012) o la Ley Integral para Personas Trans de Uruguay "
                            "(2018), aunque la situación varía mucho de un país a otro.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "Los gobiernos locales deben actuar siempre dentro del marco "
                                    "legal de su país, pero ese marco suele dejar un amplio margen "
                                    "para políticas de inclusión: formación del personal, "
                                    "protocolos de atención, campañas, apoyo a organizaciones y "
                                    "servicios específicos."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "La Carta de Ciudades Educadoras y la diversidad"),
                        (
                            "paragraph",
                            "<p>La Carta de Ciudades Educadoras (2020) compromete a las ciudades "
                            "a promover la igualdad y a combatir toda forma de discriminación, y "
                            "refuerza la perspectiva de género en el conjunto de sus principios. "
                            "Una ciudad educadora no se limita a prohibir la discriminación: "
                            "educa para la convivencia en la diversidad, hace visibles las "
                            "realidades que suelen quedar ocultas y procura que los espacios "
                            "públicos, las escuelas y los servicios sean lugares seguros para "
                            "todas las personas.</p>"
                            "<p>Esta tarea tiene una dimensión pedagógica evidente. Cuando una "
                            "ciudad reconoce públicamente a sus vecinas y vecinos LGBTIQ+, por "
                            "ejemplo en su agenda cultural, en sus campañas o en el trato que "
                            "brinda su personal, transmite a toda la población, y en especial a "
                            "adolescentes que pueden estar atravesando situaciones de "
                            "aislamiento, un mensaje de pertenencia que puede marcar la "
                            "diferencia.</p>",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "politicas-municipales-inclusivas",
            "title": "Políticas municipales inclusivas",
            "intro": (
                "Medidas concretas para que los servicios, las escuelas y los espacios públicos "
                "sean seguros e inclusivos, y cómo articularlas en un plan municipal."
            ),
            "lessons": [
                {
                    "slug": "servicios-y-espacios-seguros",
                    "title": "Servicios, escuelas y espacios públicos seguros",
                    "summary": (
                        "Qué puede hacer cada área municipal para garantizar un trato digno y "
                        "prevenir la discriminación."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "La atención a la ciudadanía como punto de partida"),
                        (
                            "paragraph",
                            "<p>Para muchas personas LGBTIQ+, y en especial para las personas "
                            "trans, el contacto con la administración pública puede ser una "
                            "experiencia de exposición o humillación: ser llamadas por un nombre "
                            "que no las representa, recibir preguntas innecesarias o ver "
                            "cuestionada su identidad delante de otras personas. Por eso una de "
                            "las primeras medidas de una política municipal inclusiva es revisar "
                            "los protocolos de atención y formar al personal que trabaja de cara "
                            "al público.</p>"
                            "<p>Numerosos municipios de Brasil, por ejemplo, reconocen el uso del "
                            "<strong>nombre social</strong> de las personas trans en sus "
                            "registros, servicios y documentos internos. Otras medidas habituales "
                            "consisten en adaptar los formularios para que no obliguen a declarar "
                            "datos innecesarios, identificar los servicios como espacios libres "
                            "de discriminación y habilitar canales para denunciar situaciones de "
                            "maltrato.</p>",
                        ),
                        ("heading", "Acciones por área"),
                        (
                            "paragraph",
                            "<ul>"
                            "<li><strong>Educación:</strong> apoyo a las escuelas en la "
                            "prevención del acoso por orientación sexual o identidad de género y "
                            "en la educación sexual integral, allí donde la normativa nacional la "
                            "contempla.</li>"
                            "<li><strong>Salud:</strong> atención libre de prejuicios, con "
                            "personal formado y, donde sea posible, servicios específicos para "
                            "personas trans.</li>"
                            "<li><strong>Desarrollo social y empleo:</strong> programas de "
                            "inclusión laboral y apoyo ante situaciones de expulsión del hogar o "
                            "falta de vivienda, frecuentes entre jóvenes LGBTIQ+.</li>"
                            "<li><strong>Cultura:</strong> programación que haga visible la "
                            "historia y la producción cultural de la diversidad, y apoyo a "
                            "iniciativas comunitarias.</li>"
                            "<li><strong>Seguridad y espacio público:</strong> prevención de la "
                            "violencia, formación de agentes y registro de los incidentes "
                            "motivados por prejuicio.</li>"
                            "</ul>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "Incluya a organizaciones locales de la diversidad en la "
                                    "formación del personal municipal. Escuchar de primera mano "
                                    "experiencias de discriminación en los servicios suele "
                                    "transformar actitudes con más eficacia que cualquier manual."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Conocer para actuar"),
                        (
                            "paragraph",
                            "<p>La falta de datos es uno de los obstáculos más frecuentes. Sin "
                            "información, la discriminación permanece invisible y resulta difícil "
                            "fijar prioridades. Los municipios pueden colaborar con universidades "
                            "y organizaciones para realizar diagnósticos, siempre con garantías "
                            "de confidencialidad y participación voluntaria, e incorporar "
                            "preguntas opcionales y respetuosas en sus encuestas cuando resulte "
                            "pertinente.</p>",
                        ),
                    ],
                },
                {
                    "slug": "plan-municipal-de-diversidad",
                    "title": "Un plan municipal de diversidad: de la agenda a la evaluación",
                    "summary": (
                        "Cómo diseñar, impulsar y evaluar un plan municipal de diversidad sexual y "
                        "de género, empezando por los primeros 100 días."
                    ),
                    "minutes": 10,
                    "body": [
                        ("heading", "Por qué un plan"),
                        (
                            "paragraph",
                            "<p>Las acciones aisladas, como una campaña en el mes del orgullo o "
                            "una capacitación puntual, tienen valor simbólico, pero rara vez "
                            "cambian la experiencia cotidiana de las personas. Un <strong>plan "
                            "municipal de diversidad sexual y de género</strong> permite ordenar "
                            "las acciones de todas las áreas, asignar responsables y presupuesto "
                            "y evaluar los resultados. También da estabilidad a la política más "
                            "allá de las personas que la impulsan.</p>",
                        ),
                        ("heading", "Los primeros 100 días"),
                        (
                            "paragraph",
                            "<ol>"
                            "<li><strong>Designar una referencia institucional:</strong> un área, "
                            "una dirección o una persona responsable con acceso a las máximas "
                            "autoridades.</li>"
                            "<li><strong>Escuchar</strong> a organizaciones LGBTIQ+ y a personas "
                            "no organizadas, con especial atención a quienes sufren más "
                            "exclusión, como las personas trans o quienes viven en barrios "
                            "periféricos y zonas rurales del municipio.</li>"
                            "<li><strong>Revisar lo que ya existe:</strong> protocolos, "
                            "formularios, programas y normas municipales que puedan resultar "
                            "discriminatorios o que convenga ampliar.</li>"
                            "<li><strong>Elegir pocas medidas visibles y alcanzables</strong>, "
                            "como un protocolo de atención, la formación del personal de atención "
                            "al público o un servicio de orientación.</li>"
                            "<li><strong>Acordar un calendario</strong> para elaborar el plan "
                            "completo de forma participativa durante el primer año.</li>"
                            "</ol>",
                        ),
                        (
                            "callout",
                            {
                                "kind": "note",
                                "text": (
                                    "Las redes de ciudades permiten compartir experiencias y "
                                    "respaldar las decisiones locales. Además de la AICE, existen "
                                    "redes específicas, como la Rainbow Cities Network, que reúne "
                                    "a municipios, principalmente europeos, comprometidos con "
                                    "políticas LGBTIQ+."
                                ),
                                "attribution": "",
                            },
                        ),
                        ("heading", "Gestionar resistencias y evaluar"),
                        (
                            "paragraph",
                            "<p>Las políticas de diversidad pueden despertar resistencias, dentro "
                            "y fuera de la administración. Conviene anticiparlas: fundamentar "
                            "cada medida en el marco legal y de derechos, explicar que se trata "
                            "de garantizar un trato igualitario en servicios que son de todas las "
                            "personas, construir alianzas con otros sectores (educación, salud, "
                            "organizaciones sociales y comunidades religiosas abiertas al "
                            "diálogo) y comunicar con serenidad, sin convertir la política en una "
                            "confrontación. La coherencia y la constancia suelen ser más eficaces "
                            "que los gestos espectaculares.</p>"
                            "<p>Para evaluar el plan pueden combinarse indicadores de proceso "
                            "(personal formado, protocolos aprobados, áreas implicadas), de "
                            "resultado (consultas atendidas, denuncias recibidas y resueltas, "
                            "participación en programas) y de percepción (sensación de seguridad "
                            "y de trato digno entre las personas LGBTIQ+ de la ciudad). Revisar "
                            "esos resultados cada año junto con las organizaciones convierte la "
                            "evaluación en un espacio de confianza y de aprendizaje "
                            "compartido.</p>",
                        ),
                    ],
                },
            ],
        },
    ],
}


COURSES: list[dict[str, Any]] = [CEC_101, CEC_102, CEC_201, CEC_202, CEC_203, CEC_204]
