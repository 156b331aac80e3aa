"""The Charter course (CEC-101), its modules and lessons in English. Pure data, read by
``cms.demo.seed`` through ``content.CEC_101["modules_i18n"]``; slugs are the Spanish original's."""

from __future__ import annotations

from typing import Any

MODULES: list[dict[str, Any]] = [
    {
        "slug": "origenes-y-sentido",
        "title": "Origins and meaning of the Charter",
        "intro": (
            "Where the Charter of Educating Cities comes from, how it has changed and what it "
            "proposes. This module gives the keys to read it through the eyes of those who "
            "govern a city."
        ),
        "lessons": [
            {
                "slug": "de-barcelona-1990-a-la-carta-2020",
                "title": "From Barcelona 1990 to the 2020 Charter",
                "summary": (
                    "The story of the Charter, from the first congress in Barcelona to the "
                    "updated 2020 version, and the role of the IAEC."
                ),
                "minutes": 8,
                "body": [
                    ("heading", "An idea born in cities"),
                    (
                        "paragraph",
                        "<p>In November 1990 Barcelona hosted the First International Congress "
                        "of Educating Cities. Representatives of local governments from several "
                        "continents arrived with a shared conviction: education does not happen "
                        "only at school, and the city, with its streets, services, cultural "
                        "institutions and community networks, educates or miseducates its "
                        "residents every day. The congress produced the <strong>Charter of "
                        "Educating Cities</strong>, a short document proposing to take on that "
                        "responsibility deliberately instead of leaving it to chance.</p>"
                        "<p>The Charter is neither a law nor an international treaty. It is a "
                        "voluntary political commitment made by local governments and grounded "
                        "in the great human rights agreements, such as the Universal Declaration "
                        "of Human Rights, the International Covenant on Economic, Social and "
                        "Cultural Rights, the Convention on the Rights of the Child and the "
                        "World Declaration on Education for All. Its strength comes from each "
                        "municipality's commitment and from working as a network.</p>",
                    ),
                    ("heading", "Successive revisions"),
                    (
                        "paragraph",
                        "<p>The text has changed along with the cities. At the Third Congress, "
                        "held in Bologna in 1994, the Charter was revised and the movement "
                        "formally became the <strong>International Association of Educating "
                        "Cities (IAEC)</strong>. Ten years later, at the Eighth Congress in "
                        "Genoa (2004), it was updated again to respond to globalisation, "
                        "migration and the spread of information technologies.</p>"
                        "<p>In 2020, thirty years after the original proclamation, the "
                        "Association presented an updated version. The 2020 Charter keeps the "
                        "essence of the earlier text but strengthens the gender perspective and "
                        "sustainability, adds a principle on health and care, gives more weight "
                        "to culture and addresses the digital divide and the use of large "
                        "volumes of data. For anyone governing a city today, this is the "
                        "version to read and to quote.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Read the whole Charter with your team in your first week in "
                                "office and write, next to each principle, which department of "
                                "the city hall could take charge of it. This simple exercise is "
                                "already a first map of responsibilities."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "A network with a strong Latin American presence"),
                    (
                        "paragraph",
                        "<p>Today the IAEC brings together hundreds of local governments from "
                        "dozens of countries. Its Secretariat is in Barcelona, and the "
                        "Association is also organised through delegations and territorial "
                        "networks. In Latin America, the Delegation based in Rosario (Argentina) "
                        "accompanies the cities of the region, fosters exchange between them and "
                        "organises training such as this Aula. Every 30 November, the "
                        "anniversary of the first Charter, member cities celebrate the "
                        "International Day of Educating Cities with activities open to "
                        "everyone.</p>",
                    ),
                ],
            },
            {
                "slug": "tres-ejes-de-la-carta",
                "title": "The three axes of the Charter: right, commitment and service",
                "summary": (
                    "How the Charter is organised, the ideas that run through it and how to read "
                    "it from a municipality's real powers."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "A structure in three parts"),
                    (
                        "paragraph",
                        "<p>The Charter opens with a preamble and sets out twenty principles "
                        "grouped in three sections. The first, <strong>the right to an "
                        "educating city</strong>, states that everyone living in the city "
                        "should be able to enjoy, in freedom and equality, its opportunities "
                        "for learning, culture and personal development. The right to "
                        "education thus reaches the whole territory and every age.</p>"
                        "<p>The second section, <strong>the commitment of the city</strong>, "
                        "describes what the local government must do to make that right real: "
                        "know the situation and needs of its residents, plan urban space with "
                        "educational criteria, care for and project its identity, offer "
                        "understandable information and open channels for participation. The "
                        "third, <strong>at the full service of people</strong>, focuses on "
                        "health, support for families, the inclusion of those who suffer "
                        "discrimination or exclusion, and encouraging associations and "
                        "volunteering.</p>",
                    ),
                    ("heading", "Three ideas running through the whole text"),
                    (
                        "paragraph",
                        "<p>Beyond its structure, the Charter rests on three ideas worth keeping "
                        "in mind. The first is <strong>lifelong learning</strong>: the city "
                        "educates children, but also young people, adults and older people. The "
                        "second is the <strong>integration of formal, non-formal and informal "
                        "education</strong>: the school, the workshops of a cultural centre and "
                        "what is learnt by using a square or a bus belong to one ecosystem. The "
                        "third is <strong>transversality</strong>: every municipal decision, "
                        "from the layout of a street to a library's opening hours, has "
                        "educational effects, and the Charter asks that they be taken into "
                        "account explicitly.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "quote",
                            "text": (
                                "All of a city's policies educate; the challenge is that they "
                                "do so intentionally, coherently and in favour of equality."
                            ),
                            "attribution": (
                                "Central idea of the Charter of Educating Cities (2020), "
                                "paraphrased"
                            ),
                        },
                    ),
                    ("heading", "Reading the Charter from municipal powers"),
                    (
                        "paragraph",
                        "<p>A common mistake is to think the Charter concerns only the "
                        "education department. In practice, many local governments in the "
                        "region have limited powers over schools but broad ones over urban "
                        "planning, culture, sport, social services, the environment or "
                        "traffic. That is precisely where much of the city's educating "
                        "potential lies.</p>"
                        "<p>A useful way to start is a table with the twenty principles as "
                        "rows and the departments of the organisation chart as columns, marking "
                        "where programmes already exist, where there are gaps and where "
                        "contradictions appear; for example, a sustainable mobility campaign "
                        "alongside streets hostile to pedestrians. That table will be the basis "
                        "of the next module's work.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "de-la-carta-a-la-gestion",
        "title": "From the Charter to municipal management",
        "intro": (
            "How to turn the Charter's principles into government decisions: the first hundred "
            "days, coordination between departments and evaluation."
        ),
        "lessons": [
            {
                "slug": "primeros-100-dias",
                "title": "The first 100 days: joining and getting organised",
                "summary": (
                    "A practical sequence to bring the educating city perspective into the start "
                    "of the term of office."
                ),
                "minutes": 10,
                "body": [
                    ("heading", "Why the first months matter"),
                    (
                        "paragraph",
                        "<p>The first hundred days of a term set the tone of the "
                        "administration. It is when priorities are set, teams appointed and the "
                        "government plan and budget drawn up. Bringing in the educating city "
                        "perspective at this stage is far simpler than trying to add it later, "
                        "when programmes are under way and each department defends its own "
                        "agenda.</p>",
                    ),
                    ("heading", "A possible sequence"),
                    (
                        "paragraph",
                        "<p>The following sequence is not a recipe, but it gathers common "
                        "practice in the network's cities:</p>"
                        "<ol>"
                        "<li><strong>Days 1 to 20.</strong> Appoint a politically responsible "
                        "person and a technical reference team. If the city is already an IAEC "
                        "member, review the commitments made by the previous administration; if "
                        "not, study the membership procedure, which requires a formal decision "
                        "of the local government adopting the principles of the Charter.</li>"
                        "<li><strong>Days 21 to 50.</strong> Make a quick diagnosis: which "
                        "programmes with an educational intention exist, in which departments, "
                        "with what budget and reaching whom. Listen to schools, social "
                        "organisations, universities and participation councils.</li>"
                        "<li><strong>Days 51 to 80.</strong> Create or revive a cross-"
                        "departmental table that meets regularly, and agree on two or three "
                        "shared priorities for the first year.</li>"
                        "<li><strong>Days 81 to 100.</strong> Build those priorities into the "
                        "government plan and the budget, and announce them publicly.</li>"
                        "</ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "text": (
                                "Joining the IAEC is not a symbolic formality: it means sharing "
                                "experiences, taking part in the life of the Association and "
                                "reporting on progress. The decision to join should have the "
                                "widest possible political backing, so that it survives changes "
                                "of government."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Building support"),
                    (
                        "paragraph",
                        "<p>The educating city cannot be the project of a single person or a "
                        "single party. The most lasting experiences are those that reached "
                        "consensus in the city council, involved career civil servants and "
                        "built alliances with civil society. Take time to explain the Charter "
                        "to opposition councillors, to staff representatives and to the local "
                        "press. A project that is understood and shared withstands electoral "
                        "cycles better.</p>"
                        "<p>Finally, make use of the network. Member cities can consult "
                        "experiences documented by other cities, take part in meetings and "
                        "territorial networks and ask the Delegation for Latin America for "
                        "guidance. Starting from what other cities have already learnt saves "
                        "time and avoids known mistakes.</p>",
                    ),
                ],
            },
            {
                "slug": "transversalidad-y-evaluacion",
                "title": "Transversality and evaluation of the educating project",
                "summary": (
                    "How to coordinate the city hall's departments and how to evaluate progress "
                    "with a few well-chosen indicators."
                ),
                "minutes": 9,
                "body": [
                    ("heading", "From the organisation chart to the cross-departmental table"),
                    (
                        "paragraph",
                        "<p>Transversality is probably the hardest principle to put into "
                        "practice. Administrations are organised by sector, each with its own "
                        "budget, rules and culture, and cooperation between departments rarely "
                        "arises on its own. That is why educating cities usually set up a "
                        "stable coordination structure: a cross-departmental committee or table "
                        "chaired by an authority with enough political weight, with technical "
                        "representatives of each department and a fixed calendar of "
                        "meetings.</p>"
                        "<p>So that the table does not become a formality, give it concrete "
                        "tasks: jointly review the projects with the greatest impact on daily "
                        "life, draw up an educating city project with shared objectives and "
                        "agree on common criteria. For example, that every work in public space "
                        "considers the safety and autonomy of girls and boys, or that cultural "
                        "facilities keep hours that suit families' lives. Training municipal "
                        "staff, which the Charter itself mentions, is another key task.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": (
                                "Ask each department to present a single programme of its own "
                                "and explain what residents learn from it and what they could "
                                "learn better. It is a quick way to bring in the educating "
                                "perspective without adding administrative load."
                            ),
                            "attribution": "",
                        },
                    ),
                    ("heading", "Evaluating in order to learn"),
                    (
                        "paragraph",
                        "<p>Evaluating an educating city project does not mean measuring "
                        "everything, but choosing a few relevant questions and keeping them "
                        "over time. A simple scheme combines three kinds of indicators:</p>"
                        "<ul>"
                        "<li><strong>Process:</strong> departments taking part in the table, "
                        "meetings held, projects drawn up together.</li>"
                        "<li><strong>Results:</strong> people reaching non-formal educational "
                        "programmes, broken down by neighbourhood, age and gender; children's "
                        "use of public space.</li>"
                        "<li><strong>Perception:</strong> what residents, schools and "
                        "organisations think of the learning opportunities the city "
                        "offers.</li>"
                        "</ul>"
                        "<p>Data broken down by territory are especially valuable, because they "
                        "show whether educational opportunities reach the neighbourhoods that "
                        "need them most. Publishing a short annual report, discussing it in the "
                        "participation bodies and adjusting priorities to its conclusions turns "
                        "evaluation into an exercise in collective learning, true to the spirit "
                        "of the Charter.</p>",
                    ),
                ],
            },
        ],
    },
]
