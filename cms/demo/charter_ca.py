"""The Charter course (CEC-101), its modules and lessons in Catalan. Pure data, read by
``cms.demo.seed`` through ``content.CEC_101["modules_i18n"]``; slugs are the Spanish original's."""

from __future__ import annotations

from typing import Any

MODULES: list[dict[str, Any]] = [
    {
        "slug": "origenes-y-sentido",
        "title": "Orígens i sentit de la Carta",
        "intro": (
            "D'on ve la Carta de Ciutats Educadores, com ha evolucionat i què proposa. Aquest "
            "mòdul ofereix les claus per llegir-la amb els ulls de qui governa una ciutat."
        ),
        "lessons": [
            {
                "slug": "de-barcelona-1990-a-la-carta-2020",
                "title": "De Barcelona 1990 a la Carta de 2020",
                "summary": (
                    "La història de la Carta, des del primer congrés de Barcelona fins a la "
                    "versió actualitzada de 2020, i el paper de l'AICE."
                ),
                "minutes": 8,
                "body": [
                    ("heading", "Una idea que neix a les ciutats"),
                    (
                        "paragraph",
                        "<p>El novembre de 1990, Barcelona va acollir el I Congrés Internacional "
                        "de Ciutats Educadores. Representants de governs locals de diversos "
                        "continents hi van arribar amb una convicció compartida: l'educació no "
                        "passa només a l'escola, i la ciutat, amb els seus carrers, serveis, "
                        "institucions culturals i xarxes comunitàries, educa o deseduca cada "
                        "dia els qui hi viuen. Del congrés en va sortir la <strong>Carta de "
                        "Ciutats Educadores</strong>, un document breu que proposava assumir "
                        "aquesta responsabilitat de manera deliberada en lloc de deixar-la a "
                        "l'atzar.</p>"
                        "<p>La Carta no és una llei ni un tractat internacional. És un "
                        "compromís polític voluntari dels governs locals, recolzat en els grans "
                        "acords de drets humans, com la Declaració Universal dels Drets Humans, "
                        "el Pacte Internacional de Drets Econòmics, Socials i Culturals, la "
                        "Convenció sobre els Drets de l'Infant i la Declaració Mundial sobre "
                        "Educació per a Tothom. La seva força ve de l'adhesió de cada municipi i "
                        "del treball en xarxa.</p>",
                    ),
                    ("heading", "Revisions successives"),
                    (
                        "paragraph",
                        "<p>El text ha anat canviant amb les ciutats. Al III Congrés, celebrat "
                        "a Bolonya el 1994, la Carta es va revisar i el moviment es va "
                        "constituir formalment com a <strong>Associació Internacional de "
                        "Ciutats Educadores (AICE)</strong>. Deu anys després, al VIII Congrés "
                        "de Gènova (2004), es va tornar a actualitzar per respondre a fenòmens "
                        "com la globalització, les migracions i l'expansió de les tecnologies de "
                        "la informació.</p>"
                        "<p>El 2020, quan la proclamació original va fer trenta anys, "
                        "l'Associació en va presentar una versió actualitzada. La Carta de 2020 "
                        "conserva l'essència del text anterior, però reforça la perspectiva de "
                        "gènere i la sostenibilitat, incorpora un principi específic sobre salut "
                        "i cures, dona més pes a la cultura i aborda la bretxa digital i l'ús de "
                        "grans volums de dades. Per a qui avui governa una ciutat, aquesta és la "
                        "versió que convé llegir i citar.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Llegiu la Carta completa amb el vostre equip durant la primera "
                                "setmana de govern i anoteu, al costat de cada principi, quina "
                                "àrea de l'ajuntament se'n podria fer responsable. Aquest "
                                "exercici senzill ja és un primer mapa de responsabilitats."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Una xarxa amb presència llatinoamericana"),
                    (
                        "paragraph",
                        "<p>Avui l'AICE reuneix centenars de governs locals de desenes de "
                        "països. La seva Secretaria és a Barcelona, i l'Associació també "
                        "s'organitza per mitjà de delegacions i xarxes territorials. A "
                        "l'Amèrica Llatina, la Delegació amb seu a Rosario (Argentina) acompanya "
                        "les ciutats de la regió, impulsa l'intercanvi entre elles i organitza "
                        "espais de formació com aquesta Aula. Cada 30 de novembre, aniversari "
                        "de la primera Carta, les ciutats membres celebren el Dia Internacional "
                        "de la Ciutat Educadora amb activitats obertes a tothom.</p>",
                    ),
                ],
            },
            {
                "slug": "tres-ejes-de-la-carta",
                "title": "Els tres eixos de la Carta: dret, compromís i servei",
                "summary": (
                    "Com s'organitza la Carta, quines idees la travessen i com llegir-la des de "
                    "les competències reals d'un municipi."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "Una estructura en tres parts"),
                    (
                        "paragraph",
                        "<p>La Carta comença amb un preàmbul i desenvolupa vint principis "
                        "agrupats en tres seccions. La primera, <strong>el dret a la ciutat "
                        "educadora</strong>, afirma que totes les persones que viuen a la "
                        "ciutat han de poder gaudir, en condicions de llibertat i igualtat, de "
                        "les seves oportunitats de formació, cultura i desenvolupament "
                        "personal. El dret a l'educació s'estén així a tot el territori i a "
                        "totes les edats.</p>"
                        "<p>La segona secció, <strong>el compromís de la ciutat</strong>, "
                        "descriu què ha de fer el govern local perquè aquest dret sigui real: "
                        "conèixer la situació i les necessitats dels seus habitants, planificar "
                        "l'espai urbà amb criteris educatius, tenir cura de la seva identitat i "
                        "projectar-la, oferir informació comprensible i obrir canals de "
                        "participació. La tercera, <strong>al servei integral de les "
                        "persones</strong>, se centra en la salut, el suport a les famílies, la "
                        "inclusió de qui pateix discriminació o exclusió i el foment de "
                        "l'associacionisme i el voluntariat.</p>",
                    ),
                    ("heading", "Tres idees que travessen tot el text"),
                    (
                        "paragraph",
                        "<p>Més enllà de la seva estructura, la Carta es basa en tres idees que "
                        "convé tenir sempre presents. La primera és l'<strong>educació al llarg "
                        "de tota la vida</strong>: la ciutat educa infants, però també joves, "
                        "persones adultes i grans. La segona és la <strong>integració del "
                        "formal, el no formal i l'informal</strong>: l'escola, els tallers d'un "
                        "centre cultural i el que s'aprèn fent servir una plaça o un autobús "
                        "formen part d'un mateix ecosistema. La tercera és la "
                        "<strong>transversalitat</strong>: cada decisió municipal, del traçat "
                        "d'un carrer a l'horari d'una biblioteca, té efectes educatius, i la "
                        "Carta demana que es tinguin en compte de manera explícita.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "quote",
                            "text": (
                                "Totes les polítiques de la ciutat eduquen; el repte és que ho "
                                "facin de manera intencionada, coherent i a favor de la "
                                "igualtat."
                            ),
                            "attribution": (
                                "Idea central de la Carta de Ciutats Educadores (2020), en "
                                "paràfrasi"
                            ),
                        },
                    ),
                    ("heading", "Llegir la Carta des de les competències municipals"),
                    (
                        "paragraph",
                        "<p>Un error freqüent és pensar que la Carta només afecta l'àrea "
                        "d'educació. A la pràctica, molts governs locals de la regió tenen "
                        "competències limitades sobre l'escola, però àmplies sobre urbanisme, "
                        "cultura, esport, serveis socials, medi ambient o trànsit. És "
                        "precisament aquí on hi ha bona part del potencial educador de la "
                        "ciutat.</p>"
                        "<p>Una manera útil de començar és fer una taula amb els vint principis "
                        "a les files i les àrees de l'organigrama a les columnes, marcant on ja "
                        "hi ha programes, on hi ha buits i on apareixen contradiccions; per "
                        "exemple, una campanya de mobilitat sostenible que conviu amb carrers "
                        "hostils per als vianants. Aquesta taula serà la base del treball del "
                        "mòdul següent.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "de-la-carta-a-la-gestion",
        "title": "De la Carta a la gestió municipal",
        "intro": (
            "Com traduir els principis de la Carta en decisions de govern: els primers cent "
            "dies, la coordinació entre àrees i l'avaluació."
        ),
        "lessons": [
            {
                "slug": "primeros-100-dias",
                "title": "Els primers 100 dies: adherir-se i organitzar-se",
                "summary": (
                    "Una seqüència pràctica per incorporar la perspectiva de ciutat educadora a "
                    "l'inici del mandat."
                ),
                "minutes": 10,
                "body": [
                    ("heading", "Per què importen els primers mesos"),
                    (
                        "paragraph",
                        "<p>Els primers cent dies d'un mandat marquen el to del govern. És el "
                        "moment en què s'estableixen les prioritats, es nomenen els equips i "
                        "s'elaboren el pla de govern i el pressupost. Incorporar la perspectiva "
                        "de ciutat educadora en aquesta etapa és molt més senzill que intentar "
                        "afegir-la després, quan els programes ja estan en marxa i cada àrea "
                        "defensa la seva pròpia agenda.</p>",
                    ),
                    ("heading", "Una seqüència possible"),
                    (
                        "paragraph",
                        "<p>La seqüència següent no és una recepta, però recull pràctiques "
                        "habituals a les ciutats de la xarxa:</p>"
                        "<ol>"
                        "<li><strong>Dies 1 a 20.</strong> Designar una persona responsable "
                        "política i un equip tècnic de referència. Si la ciutat ja és membre de "
                        "l'AICE, revisar els compromisos assumits pel govern anterior; si no ho "
                        "és, estudiar el procediment d'adhesió, que exigeix una decisió formal "
                        "del govern local que assumeixi els principis de la Carta.</li>"
                        "<li><strong>Dies 21 a 50.</strong> Fer un diagnòstic ràpid: quins "
                        "programes amb intenció educativa hi ha, en quines àrees, amb quin "
                        "pressupost i a qui arriben. Escoltar escoles, entitats socials, "
                        "universitats i consells de participació.</li>"
                        "<li><strong>Dies 51 a 80.</strong> Crear o reactivar una taula "
                        "intersectorial que es reuneixi periòdicament i pactar dues o tres "
                        "prioritats compartides per al primer any.</li>"
                        "<li><strong>Dies 81 a 100.</strong> Incorporar aquestes prioritats al "
                        "pla de govern i al pressupost, i comunicar-les públicament.</li>"
                        "</ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "text": (
                                "L'adhesió a l'AICE no és un tràmit simbòlic: vol dir compartir "
                                "experiències, participar en la vida associativa i retre "
                                "comptes dels avenços. Convé que la decisió d'adhesió tingui el "
                                "suport polític més ampli possible, perquè sobrevisqui als "
                                "canvis de govern."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Construir suports"),
                    (
                        "paragraph",
                        "<p>La ciutat educadora no pot ser el projecte d'una sola persona ni "
                        "d'un sol partit. Les experiències més duradores són les que han "
                        "aconseguit consens al ple municipal, han implicat el personal tècnic de "
                        "carrera i han teixit aliances amb la societat civil. Dediqueu temps a "
                        "explicar la Carta als regidors de l'oposició, a la representació del "
                        "personal i a la premsa local. Un projecte entès i compartit resisteix "
                        "millor els cicles electorals.</p>"
                        "<p>Finalment, aprofiteu la xarxa. Les ciutats membres poden consultar "
                        "experiències documentades per altres ciutats, participar en trobades i "
                        "xarxes territorials i demanar orientació a la Delegació per a l'Amèrica "
                        "Llatina. Partir del que altres ciutats ja han après estalvia temps i "
                        "evita errors coneguts.</p>",
                    ),
                ],
            },
            {
                "slug": "transversalidad-y-evaluacion",
                "title": "Transversalitat i avaluació del projecte educador",
                "summary": (
                    "Com coordinar les diferents àrees de l'ajuntament i com avaluar els avenços "
                    "amb pocs indicadors ben escollits."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "De l'organigrama a la taula intersectorial"),
                    (
                        "paragraph",
                        "<p>La transversalitat és probablement el principi més difícil de "
                        "portar a la pràctica. Les administracions s'organitzen per sectors, amb "
                        "pressupostos, normes i cultures pròpies, i la cooperació entre àrees "
                        "poques vegades sorgeix de manera espontània. Per això les ciutats "
                        "educadores acostumen a crear una estructura estable de coordinació: una "
                        "comissió o taula intersectorial presidida per una autoritat amb prou pes "
                        "polític, amb representants tècnics de cada àrea i un calendari fix de "
                        "reunions.</p>"
                        "<p>Perquè aquesta taula no esdevingui una formalitat, convé donar-li "
                        "tasques concretes: revisar conjuntament els projectes de més impacte en "
                        "la vida quotidiana, elaborar un projecte educatiu de ciutat amb "
                        "objectius compartits i pactar criteris comuns. Per exemple, que tota "
                        "obra a l'espai públic tingui en compte la seguretat i l'autonomia de "
                        "nenes i nens, o que els equipaments culturals tinguin horaris "
                        "compatibles amb la vida de les famílies. La formació del personal "
                        "municipal, que la mateixa Carta esmenta, és una altra tasca clau.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Demaneu a cada àrea que presenti un sol programa propi i "
                                "expliqui què n'aprèn la ciutadania i què en podria aprendre "
                                "millor. És una manera ràpida d'introduir la mirada educadora "
                                "sense augmentar la càrrega administrativa."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Avaluar per aprendre"),
                    (
                        "paragraph",
                        "<p>Avaluar un projecte de ciutat educadora no vol dir mesurar-ho tot, "
                        "sinó triar unes poques preguntes rellevants i mantenir-les al llarg del "
                        "temps. Un esquema senzill combina tres tipus d'indicadors:</p>"
                        "<ul>"
                        "<li><strong>De procés:</strong> àrees que participen a la taula, "
                        "reunions fetes, projectes elaborats conjuntament.</li>"
                        "<li><strong>De resultat:</strong> persones que accedeixen a programes "
                        "educatius no formals, amb la seva distribució per barri, edat i gènere; "
                        "ús de l'espai públic per part dels infants.</li>"
                        "<li><strong>De percepció:</strong> què pensen veïnes, veïns, escoles i "
                        "entitats de les oportunitats d'aprenentatge que ofereix la ciutat.</li>"
                        "</ul>"
                        "<p>Les dades desagregades per territori són especialment valuoses, "
                        "perquè permeten comprovar si les oportunitats educatives arriben als "
                        "barris que més les necessiten. Publicar un breu informe anual, "
                        "debatre'l als espais de participació i ajustar les prioritats a partir "
                        "de les seves conclusions converteix l'avaluació en un exercici "
                        "d'aprenentatge col·lectiu, coherent amb l'esperit de la Carta.</p>",
                    ),
                ],
            },
        ],
    },
]
