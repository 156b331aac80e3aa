"""The Charter course (CEC-101), its modules and lessons in French. Pure data, read by
``cms.demo.seed`` through ``content.CEC_101["modules_i18n"]``; slugs are the Spanish original's."""

from __future__ import annotations

from typing import Any

MODULES: list[dict[str, Any]] = [
    {
        "slug": "origenes-y-sentido",
        "title": "Origines et sens de la Charte",
        "intro": (
            "D'où vient la Charte des villes éducatrices, comment elle a évolué et ce qu'elle "
            "propose. Ce module donne les clés pour la lire avec le regard de celles et ceux qui "
            "gouvernent une ville."
        ),
        "lessons": [
            {
                "slug": "de-barcelona-1990-a-la-carta-2020",
                "title": "De Barcelone 1990 à la Charte de 2020",
                "summary": (
                    "L'histoire de la Charte, du premier congrès de Barcelone à la version "
                    "actualisée de 2020, et le rôle de l'AIVE."
                ),
                "minutes": 8,
                "body": [
                    ("heading", "Une idée née dans les villes"),
                    (
                        "paragraph",
                        "<p>En novembre 1990, Barcelone a accueilli le Ier Congrès international "
                        "des villes éducatrices. Des représentants de gouvernements locaux de "
                        "plusieurs continents sont venus avec une conviction commune : "
                        "l'éducation ne se limite pas à l'école, et la ville, avec ses rues, ses "
                        "services, ses institutions culturelles et ses réseaux associatifs, "
                        "éduque ou déséduque chaque jour celles et ceux qui y vivent. Le congrès "
                        "a donné naissance à la <strong>Charte des villes éducatrices</strong>, "
                        "un texte bref qui proposait d'assumer cette responsabilité de manière "
                        "délibérée au lieu de la laisser au hasard.</p>"
                        "<p>La Charte n'est ni une loi ni un traité international. C'est un "
                        "engagement politique volontaire des gouvernements locaux, fondé sur les "
                        "grands accords relatifs aux droits humains, comme la Déclaration "
                        "universelle des droits de l'homme, le Pacte international relatif aux "
                        "droits économiques, sociaux et culturels, la Convention relative aux "
                        "droits de l'enfant et la Déclaration mondiale sur l'éducation pour "
                        "tous. Sa force vient de l'adhésion de chaque commune et du travail en "
                        "réseau.</p>",
                    ),
                    ("heading", "Des révisions successives"),
                    (
                        "paragraph",
                        "<p>Le texte a évolué avec les villes. Lors du IIIe Congrès, tenu à "
                        "Bologne en 1994, la Charte a été révisée et le mouvement s'est "
                        "constitué formellement en <strong>Association internationale des "
                        "villes éducatrices (AIVE)</strong>. Dix ans plus tard, au VIIIe Congrès "
                        "de Gênes (2004), elle a de nouveau été actualisée pour répondre à la "
                        "mondialisation, aux migrations et à l'essor des technologies de "
                        "l'information.</p>"
                        "<p>En 2020, trente ans après la proclamation initiale, l'Association a "
                        "présenté une version actualisée. La Charte de 2020 conserve l'essentiel "
                        "du texte précédent, mais renforce la perspective de genre et la "
                        "durabilité, ajoute un principe consacré à la santé et au soin, donne "
                        "plus de poids à la culture et traite de la fracture numérique et de "
                        "l'usage des grandes masses de données. Pour qui gouverne une ville "
                        "aujourd'hui, c'est cette version qu'il convient de lire et de "
                        "citer.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Lisez la Charte entière avec votre équipe pendant la première "
                                "semaine du mandat et notez, à côté de chaque principe, quel "
                                "service de la mairie pourrait en être responsable. Ce simple "
                                "exercice est déjà une première carte des responsabilités."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Un réseau bien présent en Amérique latine"),
                    (
                        "paragraph",
                        "<p>Aujourd'hui, l'AIVE réunit des centaines de gouvernements locaux "
                        "de dizaines de pays. Son Secrétariat est à Barcelone, et l'Association "
                        "s'organise aussi en délégations et en réseaux territoriaux. En "
                        "Amérique latine, la Délégation établie à Rosario (Argentine) "
                        "accompagne les villes de la région, favorise les échanges entre elles "
                        "et organise des formations comme cette Aula. Chaque 30 novembre, "
                        "anniversaire de la première Charte, les villes membres célèbrent la "
                        "Journée internationale de la ville éducatrice par des activités "
                        "ouvertes à toute la population.</p>",
                    ),
                ],
            },
            {
                "slug": "tres-ejes-de-la-carta",
                "title": "Les trois axes de la Charte : droit, engagement et service",
                "summary": (
                    "Comment la Charte est organisée, les idées qui la traversent et comment la "
                    "lire à partir des compétences réelles d'une commune."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "Une structure en trois parties"),
                    (
                        "paragraph",
                        "<p>La Charte s'ouvre sur un préambule et développe vingt principes "
                        "regroupés en trois sections. La première, <strong>le droit à la ville "
                        "éducatrice</strong>, affirme que toutes les personnes qui vivent dans "
                        "la ville doivent pouvoir profiter, dans la liberté et l'égalité, de ses "
                        "possibilités de formation, de culture et d'épanouissement personnel. Le "
                        "droit à l'éducation s'étend ainsi à tout le territoire et à tous les "
                        "âges.</p>"
                        "<p>La deuxième section, <strong>l'engagement de la ville</strong>, "
                        "décrit ce que le gouvernement local doit faire pour rendre ce droit "
                        "réel : connaître la situation et les besoins de ses habitants, "
                        "planifier l'espace urbain selon des critères éducatifs, prendre soin de "
                        "son identité et la projeter, offrir une information compréhensible et "
                        "ouvrir des canaux de participation. La troisième, <strong>au service "
                        "intégral des personnes</strong>, porte sur la santé, le soutien aux "
                        "familles, l'inclusion des personnes victimes de discrimination ou "
                        "d'exclusion et l'encouragement de la vie associative et du "
                        "bénévolat.</p>",
                    ),
                    ("heading", "Trois idées qui traversent tout le texte"),
                    (
                        "paragraph",
                        "<p>Au-delà de sa structure, la Charte repose sur trois idées à garder "
                        "toujours à l'esprit. La première est l'<strong>éducation tout au long "
                        "de la vie</strong> : la ville éduque les enfants, mais aussi les "
                        "jeunes, les adultes et les personnes âgées. La deuxième est "
                        "l'<strong>intégration du formel, du non formel et de "
                        "l'informel</strong> : l'école, les ateliers d'un centre culturel et ce "
                        "que l'on apprend en utilisant une place ou un bus font partie d'un même "
                        "écosystème. La troisième est la <strong>transversalité</strong> : "
                        "chaque décision municipale, du tracé d'une rue aux horaires d'une "
                        "bibliothèque, a des effets éducatifs, et la Charte demande qu'ils "
                        "soient pris en compte de manière explicite.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "quote",
                            "text": (
                                "Toutes les politiques de la ville éduquent ; le défi est "
                                "qu'elles le fassent de manière intentionnelle, cohérente et en "
                                "faveur de l'égalité."
                            ),
                            "attribution": (
                                "Idée centrale de la Charte des villes éducatrices (2020), "
                                "paraphrasée"
                            ),
                        },
                    ),
                    ("heading", "Lire la Charte à partir des compétences municipales"),
                    (
                        "paragraph",
                        "<p>Une erreur fréquente consiste à penser que la Charte ne concerne que "
                        "le service de l'éducation. Dans les faits, beaucoup de gouvernements "
                        "locaux de la région ont des compétences limitées sur l'école, mais "
                        "étendues en matière d'urbanisme, de culture, de sport, d'action "
                        "sociale, d'environnement ou de circulation. C'est précisément là que se "
                        "trouve une grande partie du potentiel éducateur de la ville.</p>"
                        "<p>Pour commencer, il est utile de dresser un tableau avec les vingt "
                        "principes en lignes et les services de l'organigramme en colonnes, en "
                        "indiquant où des programmes existent déjà, où il y a des manques et où "
                        "apparaissent des contradictions ; par exemple, une campagne de mobilité "
                        "durable qui côtoie des rues hostiles aux piétons. Ce tableau servira de "
                        "base au travail du module suivant.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "de-la-carta-a-la-gestion",
        "title": "De la Charte à la gestion municipale",
        "intro": (
            "Comment traduire les principes de la Charte en décisions de gouvernement : les cent "
            "premiers jours, la coordination entre services et l'évaluation."
        ),
        "lessons": [
            {
                "slug": "primeros-100-dias",
                "title": "Les 100 premiers jours : adhérer et s'organiser",
                "summary": (
                    "Une démarche pratique pour intégrer la perspective de ville éducatrice dès "
                    "le début du mandat."
                ),
                "minutes": 10,
                "body": [
                    ("heading", "Pourquoi les premiers mois comptent"),
                    (
                        "paragraph",
                        "<p>Les cent premiers jours d'un mandat donnent le ton de l'action "
                        "municipale. C'est le moment où l'on fixe les priorités, nomme les "
                        "équipes et prépare le programme de gouvernement et le budget. Intégrer "
                        "la perspective de ville éducatrice à ce stade est bien plus simple que "
                        "de tenter de l'ajouter ensuite, quand les programmes sont lancés et que "
                        "chaque service défend son propre agenda.</p>",
                    ),
                    ("heading", "Une démarche possible"),
                    (
                        "paragraph",
                        "<p>La démarche suivante n'est pas une recette, mais elle rassemble des "
                        "pratiques courantes dans les villes du réseau :</p>"
                        "<ol>"
                        "<li><strong>Jours 1 à 20.</strong> Désigner une personne responsable "
                        "politique et une équipe technique de référence. Si la ville est déjà "
                        "membre de l'AIVE, revoir les engagements pris par l'équipe précédente ; "
                        "sinon, étudier la procédure d'adhésion, qui exige une décision formelle "
                        "du gouvernement local adoptant les principes de la Charte.</li>"
                        "<li><strong>Jours 21 à 50.</strong> Établir un diagnostic rapide : "
                        "quels programmes à visée éducative existent, dans quels services, avec "
                        "quel budget et pour quels publics. Écouter les écoles, les "
                        "associations, les universités et les conseils de participation.</li>"
                        "<li><strong>Jours 51 à 80.</strong> Créer ou relancer une table "
                        "intersectorielle qui se réunit régulièrement et convenir de deux ou "
                        "trois priorités communes pour la première année.</li>"
                        "<li><strong>Jours 81 à 100.</strong> Inscrire ces priorités dans le "
                        "programme de gouvernement et le budget, et les annoncer "
                        "publiquement.</li>"
                        "</ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "text": (
                                "Adhérer à l'AIVE n'est pas une formalité symbolique : cela "
                                "signifie partager des expériences, participer à la vie de "
                                "l'Association et rendre compte des progrès. Il convient que la "
                                "décision d'adhésion recueille le plus large soutien politique "
                                "possible, pour qu'elle survive aux changements de majorité."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Construire des soutiens"),
                    (
                        "paragraph",
                        "<p>La ville éducatrice ne peut pas être le projet d'une seule personne "
                        "ni d'un seul parti. Les expériences les plus durables sont celles qui "
                        "ont obtenu un consensus au conseil municipal, associé les agents "
                        "titulaires et tissé des alliances avec la société civile. Prenez le "
                        "temps d'expliquer la Charte aux élus de l'opposition, aux "
                        "représentants du personnel et à la presse locale. Un projet compris et "
                        "partagé résiste mieux aux cycles électoraux.</p>"
                        "<p>Enfin, tirez parti du réseau. Les villes membres peuvent consulter "
                        "les expériences documentées par d'autres villes, participer à des "
                        "rencontres et à des réseaux territoriaux et demander conseil à la "
                        "Délégation pour l'Amérique latine. Partir de ce que d'autres villes ont "
                        "déjà appris fait gagner du temps et évite des erreurs connues.</p>",
                    ),
                ],
            },
            {
                "slug": "transversalidad-y-evaluacion",
                "title": "Transversalité et évaluation du projet éducatif",
                "summary": (
                    "Comment coordonner les services de la mairie et évaluer les progrès avec "
                    "quelques indicateurs bien choisis."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "De l'organigramme à la table intersectorielle"),
                    (
                        "paragraph",
                        "<p>La transversalité est sans doute le principe le plus difficile à "
                        "mettre en pratique. Les administrations sont organisées par secteurs, "
                        "avec leurs budgets, leurs règles et leurs cultures, et la coopération "
                        "entre services naît rarement d'elle-même. C'est pourquoi les villes "
                        "éducatrices créent souvent une structure de coordination stable : une "
                        "commission ou table intersectorielle présidée par une autorité ayant "
                        "assez de poids politique, avec des représentants techniques de chaque "
                        "service et un calendrier de réunions fixe.</p>"
                        "<p>Pour que cette table ne devienne pas une formalité, confiez-lui des "
                        "tâches concrètes : examiner ensemble les projets qui pèsent le plus sur "
                        "la vie quotidienne, élaborer un projet éducatif de ville aux objectifs "
                        "partagés et convenir de critères communs. Par exemple, que tout "
                        "aménagement de l'espace public tienne compte de la sécurité et de "
                        "l'autonomie des filles et des garçons, ou que les équipements culturels "
                        "aient des horaires compatibles avec la vie des familles. La formation "
                        "des agents municipaux, que la Charte mentionne elle-même, est une autre "
                        "tâche clé.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Demandez à chaque service de présenter un seul de ses "
                                "programmes et d'expliquer ce que la population y apprend et ce "
                                "qu'elle pourrait mieux y apprendre. C'est un moyen rapide "
                                "d'introduire le regard éducateur sans alourdir la charge "
                                "administrative."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Évaluer pour apprendre"),
                    (
                        "paragraph",
                        "<p>Évaluer un projet de ville éducatrice ne veut pas dire tout "
                        "mesurer, mais choisir quelques questions pertinentes et les suivre dans "
                        "la durée. Un schéma simple combine trois types d'indicateurs :</p>"
                        "<ul>"
                        "<li><strong>De processus :</strong> services qui participent à la "
                        "table, réunions tenues, projets élaborés ensemble.</li>"
                        "<li><strong>De résultat :</strong> personnes qui accèdent à des "
                        "programmes éducatifs non formels, réparties par quartier, âge et "
                        "genre ; usage de l'espace public par les enfants.</li>"
                        "<li><strong>De perception :</strong> ce que les habitantes, les "
                        "habitants, les écoles et les associations pensent des possibilités "
                        "d'apprentissage qu'offre la ville.</li>"
                        "</ul>"
                        "<p>Les données ventilées par territoire sont particulièrement "
                        "précieuses, car elles montrent si les possibilités éducatives "
                        "atteignent les quartiers qui en ont le plus besoin. Publier un bref "
                        "rapport annuel, en débattre dans les instances de participation et "
                        "ajuster les priorités à ses conclusions fait de l'évaluation un "
                        "exercice d'apprentissage collectif, fidèle à l'esprit de la "
                        "Charte.</p>",
                    ),
                ],
            },
        ],
    },
]
