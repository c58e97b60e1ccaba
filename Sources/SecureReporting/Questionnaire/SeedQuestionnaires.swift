import ExchangeCore
/// The questionnaires a new installation starts with: bribery in a public service (complaints), and procurement
/// fraud and misconduct by an official (whistleblowing). Each asks what an investigator needs (who, what, when,
/// where, amount, witnesses, documents), in plain words, and says why.
public enum SeedQuestionnaire: String, CaseIterable, Sendable {
    case bribery
    case procurementFraud
    case officialMisconduct

    public var channel: ReportChannel { self == .bribery ? .complaint : .whistleblowing }

    public var title: LocalizedText {
        switch self {
        case .bribery: t("Bribery in a public service", "Corruption dans un service public", "Soborno en un servicio público")
        case .procurementFraud: t("Fraud in public purchasing", "Fraude dans les achats publics", "Fraude en las compras públicas")
        case .officialMisconduct: t("Misconduct by an official", "Manquement d’un agent public", "Falta de un funcionario público")
        }
    }

    /// Recipient keys the seeds' rules name; an installation maps them to its own organisations.
    public static let integrityUnit = "integrity-unit"
    public static let externalOmbudsman = "external-ombudsman"

    public var questionnaire: ReportQuestionnaire {
        switch self {
        case .bribery: Self.briberyQuestions
        case .procurementFraud: Self.procurementQuestions
        case .officialMisconduct: Self.misconductQuestions
        }
    }

    static let demographics = [
        ReportQuestion(id: "age", kind: .choice, label: t("Your age", "Votre âge", "Su edad"),
              help: t("You can skip this.", "Vous pouvez passer cette question.", "Puede saltar esta pregunta."),
              why: t("It shows who uses this service, in counts only.", "Cela montre qui utilise ce service, en chiffres seulement.",
                     "Muestra quién usa este servicio, solo en cifras."),
              options: [option("under-30", "Under 30", "Moins de 30 ans", "Menos de 30"), option("30-59", "30 to 59", "30 à 59 ans", "De 30 a 59"),
                        option("60-plus", "60 or more", "60 ans ou plus", "60 o más")]),
        ReportQuestion(id: "first-report", kind: .yesNo, label: t("Is this the first time you report something?", "Est-ce la première fois que vous signalez quelque chose ?",
                                                          "¿Es la primera vez que denuncia algo?"),
              help: t("You can skip this.", "Vous pouvez passer cette question.", "Puede saltar esta pregunta."),
              why: t("It tells us whether people trust the channel enough to come back.", "Cela nous dit si les gens font assez confiance au canal pour revenir.",
                     "Nos dice si la gente confía lo bastante en el canal para volver.")),
    ]

    static var evidenceFields: [ReportQuestion] {
        [
            ReportQuestion(id: "witnesses", kind: .yesNo, label: t("Did anyone else see or hear it?", "Quelqu’un d’autre l’a-t-il vu ou entendu ?", "¿Alguien más lo vio u oyó?"),
                  help: t("Do not name them here; we will ask later if needed.", "Ne les nommez pas ici ; nous vous le demanderons plus tard si besoin.",
                          "No los nombre aquí; se lo preguntaremos más tarde si hace falta."),
                  why: t("A witness can confirm what you saw.", "Un témoin peut confirmer ce que vous avez vu.", "Un testigo puede confirmar lo que usted vio."),
                  evidence: .witnesses),
            ReportQuestion(id: "documents", kind: .file, label: t("Documents or photos", "Documents ou photos", "Documentos o fotos"),
                  help: t("Receipts, messages, letters, pictures. Remove what shows your name if you wish.",
                          "Reçus, messages, lettres, photos. Retirez ce qui montre votre nom si vous le souhaitez.",
                          "Recibos, mensajes, cartas, fotos. Quite lo que muestre su nombre si lo desea."),
                  why: t("Most reports are closed because nothing backs them up.", "La plupart des signalements sont classés faute de preuve.",
                         "La mayoría de las denuncias se archivan por falta de pruebas."),
                  evidence: .documents),
        ]
    }

    static let briberyQuestions = ReportQuestionnaire(
        steps: [
            Step(id: "safety", title: t("Your safety", "Votre sécurité", "Su seguridad"), fields: [
                ReportQuestion(id: "danger", kind: .yesNo, label: t("Is anyone in danger right now?", "Quelqu’un est-il en danger en ce moment ?", "¿Hay alguien en peligro ahora mismo?"),
                      help: t("Answer yes if someone could be hurt today.", "Répondez oui si quelqu’un pourrait être blessé aujourd’hui.",
                              "Responda sí si alguien podría sufrir daño hoy."),
                      why: t("This form is not watched day and night.", "Ce formulaire n’est pas surveillé jour et nuit.", "Este formulario no se vigila día y noche."),
                      required: true),
            ]),
            Step(id: "what", title: t("What happened", "Ce qui s’est passé", "Qué pasó"), fields: [
                ReportQuestion(id: "service", kind: .choice, label: t("Which service was it?", "De quel service s’agit-il ?", "¿Qué servicio era?"),
                      help: t("Pick the closest one.", "Choisissez le plus proche.", "Elija el más cercano."),
                      why: t("It sends your complaint to the office in charge.", "Cela envoie votre plainte au bureau responsable.",
                             "Envía su denuncia a la oficina responsable."),
                      required: true,
                      options: [option("health", "Health care", "Santé", "Salud"), option("education", "Schools", "École", "Escuelas"),
                                option("police", "Police", "Police", "Policía"), option("permits", "Permits and licences", "Permis et autorisations", "Permisos y licencias"),
                                option("taxes", "Taxes and customs", "Impôts et douanes", "Impuestos y aduanas"), option("other", "Another service", "Un autre service", "Otro servicio")],
                      statistical: true),
                ReportQuestion(id: "account", kind: .longText, label: t("What happened?", "Que s’est-il passé ?", "¿Qué pasó?"),
                      help: t("In your own words, in the order it happened.", "Avec vos mots, dans l’ordre où c’est arrivé.", "Con sus palabras, en el orden en que ocurrió."),
                      why: t("Investigators start from your account.", "Les enquêteurs partent de votre récit.", "Los investigadores parten de su relato."),
                      required: true, evidence: .what),
                ReportQuestion(id: "asked", kind: .choice, label: t("What were you asked for?", "Que vous a-t-on demandé ?", "¿Qué le pidieron?"),
                      help: t("Pick one.", "Choisissez une réponse.", "Elija una."),
                      why: t("Different kinds of bribes are handled differently.", "Les différentes formes de pot-de-vin sont traitées différemment.",
                             "Cada tipo de soborno se trata de forma distinta."),
                      options: [option("money", "Money", "De l’argent", "Dinero"), option("gift", "A gift", "Un cadeau", "Un regalo"),
                                option("favour", "A favour", "Un service", "Un favor")],
                      statistical: true),
                ReportQuestion(id: "amount", kind: .amount, label: t("How much money?", "Quelle somme ?", "¿Cuánto dinero?"),
                      help: t("A number, in the local currency.", "Un nombre, dans la monnaie locale.", "Un número, en la moneda local."),
                      why: t("The amount decides which rules apply.", "Le montant décide des règles qui s’appliquent.", "La cantidad decide qué reglas se aplican."),
                      showWhen: Condition(field: "asked", value: "money"), evidence: .amount),
                ReportQuestion(id: "when", kind: .date, label: t("When did it happen?", "Quand est-ce arrivé ?", "¿Cuándo ocurrió?"),
                      help: t("The day, or your best guess.", "Le jour, ou votre meilleure estimation.", "El día, o su mejor estimación."),
                      why: t("Some cases must start within a time limit.", "Certaines affaires doivent commencer dans un délai.",
                             "Algunos casos deben iniciarse dentro de un plazo."),
                      evidence: .when),
                ReportQuestion(id: "where", kind: .location, label: t("Where did it happen?", "Où est-ce arrivé ?", "¿Dónde ocurrió?"),
                      help: t("Choose the region.", "Choisissez la région.", "Elija la región."),
                      why: t("It sends your complaint to the right local office.", "Cela envoie votre plainte au bon bureau local.",
                             "Envía su denuncia a la oficina local adecuada."),
                      statistical: true, evidence: .where),
                ReportQuestion(id: "who", kind: .text, label: t("Who asked?", "Qui a demandé ?", "¿Quién lo pidió?"),
                      help: t("A name, a job title or a description.", "Un nom, une fonction ou une description.", "Un nombre, un cargo o una descripción."),
                      why: t("Someone must be identified before anyone can act.", "Il faut identifier quelqu’un avant de pouvoir agir.",
                             "Hay que identificar a alguien para poder actuar."),
                      evidence: .who),
            ]),
            Step(id: "proof", title: t("What backs it up", "Ce qui le prouve", "Qué lo respalda"), fields: evidenceFields),
        ],
        demographics: demographics,
        rules: [Rule(when: Condition(field: "danger", value: "yes"),
                     .block(t("Call the emergency number (112) now. Come back to this form once everyone is safe.",
                              "Appelez maintenant le numéro d’urgence (112). Revenez à ce formulaire quand tout le monde est en sécurité.",
                              "Llame ahora al número de emergencias (112). Vuelva a este formulario cuando todos estén a salvo.")))])

    static let procurementQuestions = ReportQuestionnaire(
        steps: [
            Step(id: "what", title: t("What happened", "Ce qui s’est passé", "Qué pasó"), fields: [
                ReportQuestion(id: "scheme", kind: .multipleChoice, label: t("What did you see?", "Qu’avez-vous constaté ?", "¿Qué vio?"),
                      help: t("Pick all that apply.", "Choisissez tout ce qui s’applique.", "Elija todo lo que corresponda."),
                      why: t("Each scheme leaves different traces to look for.", "Chaque montage laisse des traces différentes.",
                             "Cada esquema deja rastros distintos."),
                      required: true,
                      options: [option("rigged-specification", "Specifications written for one company", "Un cahier des charges taillé pour une entreprise",
                                       "Pliegos hechos a medida de una empresa"),
                                option("bid-rigging", "Companies agreeing on their bids", "Des entreprises qui s’entendent sur leurs offres",
                                       "Empresas que se ponen de acuerdo en sus ofertas"),
                                option("kickback", "A payment back to an official", "Un paiement en retour à un agent", "Un pago de vuelta a un funcionario"),
                                option("false-invoice", "Invoices for work not done", "Des factures pour un travail non fait", "Facturas por trabajos no hechos"),
                                option("conflict", "An official with a stake in a company", "Un agent intéressé dans une entreprise",
                                       "Un funcionario con intereses en una empresa")],
                      statistical: true, evidence: .what),
                ReportQuestion(id: "account", kind: .longText, label: t("Tell us what happened", "Racontez ce qui s’est passé", "Cuéntenos qué pasó"),
                      help: t("What, who did it, and how you know.", "Quoi, qui l’a fait, et comment vous le savez.", "Qué, quién lo hizo y cómo lo sabe."),
                      why: t("Investigators start from your account.", "Les enquêteurs partent de votre récit.", "Los investigadores parten de su relato."),
                      required: true),
                ReportQuestion(id: "buyer", kind: .text, label: t("Which public body was buying?", "Quel organisme public achetait ?", "¿Qué organismo público compraba?"),
                      help: t("The ministry, town, hospital or agency.", "Le ministère, la commune, l’hôpital ou l’agence.", "El ministerio, municipio, hospital u organismo."),
                      why: t("It tells us where the records are.", "Cela nous dit où sont les dossiers.", "Nos dice dónde están los expedientes."),
                      evidence: .where),
                ReportQuestion(id: "tender", kind: .text, label: t("Tender or contract number", "Numéro de l’appel d’offres ou du marché", "Número de la licitación o del contrato"),
                      help: t("Only if you know it.", "Seulement si vous le connaissez.", "Solo si lo conoce."),
                      why: t("It lets us find the file at once.", "Cela permet de trouver le dossier tout de suite.", "Permite encontrar el expediente enseguida.")),
                ReportQuestion(id: "who", kind: .longText, label: t("Which people and companies were involved?", "Quelles personnes et entreprises sont en cause ?",
                                                          "¿Qué personas y empresas participaron?"),
                      help: t("Names or roles, as you know them.", "Des noms ou des fonctions, comme vous les connaissez.", "Nombres o cargos, según los conozca."),
                      why: t("Someone must be identified before anyone can act.", "Il faut identifier quelqu’un avant de pouvoir agir.",
                             "Hay que identificar a alguien para poder actuar."),
                      evidence: .who),
                ReportQuestion(id: "value", kind: .amount, label: t("About how much money is involved?", "Quelle somme environ est en jeu ?", "¿Cuánto dinero hay en juego, más o menos?"),
                      help: t("A number; a rough figure is fine.", "Un nombre ; un ordre de grandeur suffit.", "Un número; una cifra aproximada sirve."),
                      why: t("Larger sums go to specialised investigators.", "Les sommes importantes vont à des enquêteurs spécialisés.",
                             "Las sumas grandes van a investigadores especializados."),
                      evidence: .amount),
                ReportQuestion(id: "when", kind: .date, label: t("When did it happen?", "Quand est-ce arrivé ?", "¿Cuándo ocurrió?"),
                      help: t("The day, or your best guess.", "Le jour, ou votre meilleure estimation.", "El día, o su mejor estimación."),
                      why: t("Some cases must start within a time limit.", "Certaines affaires doivent commencer dans un délai.",
                             "Algunos casos deben iniciarse dentro de un plazo."),
                      evidence: .when),
                ReportQuestion(id: "insider", kind: .yesNo, label: t("Do you work for the buyer or a bidder?", "Travaillez-vous pour l’acheteur ou un soumissionnaire ?",
                                                           "¿Trabaja para el comprador o para un licitador?"),
                      help: t("This stays sealed with your report.", "Cela reste scellé avec votre signalement.", "Queda sellado con su denuncia."),
                      why: t("Insiders are protected by law from retaliation.", "La loi protège les personnes de l’intérieur contre les représailles.",
                             "La ley protege de represalias a quien está dentro."),
                      statistical: true),
            ]),
            Step(id: "proof", title: t("What backs it up", "Ce qui le prouve", "Qué lo respalda"), fields: evidenceFields),
        ],
        demographics: demographics)

    static let misconductQuestions = ReportQuestionnaire(
        steps: [
            Step(id: "what", title: t("What happened", "Ce qui s’est passé", "Qué pasó"), fields: [
                ReportQuestion(id: "kind", kind: .choice, label: t("What kind of misconduct?", "Quel genre de manquement ?", "¿Qué tipo de falta?"),
                      help: t("Pick the closest one.", "Choisissez le plus proche.", "Elija el más cercano."),
                      why: t("It decides who looks into it.", "Cela décide qui s’en occupe.", "Decide quién lo investiga."),
                      required: true,
                      options: [option("abuse", "Using a position for personal gain", "Utiliser sa fonction pour son profit", "Usar el cargo en beneficio propio"),
                                option("conflict", "A hidden conflict of interest", "Un conflit d’intérêts caché", "Un conflicto de intereses oculto"),
                                option("theft", "Taking public money or goods", "Prendre de l’argent ou des biens publics", "Tomar dinero o bienes públicos"),
                                option("other", "Something else", "Autre chose", "Otra cosa")],
                      statistical: true),
                ReportQuestion(id: "account", kind: .longText, label: t("What happened?", "Que s’est-il passé ?", "¿Qué pasó?"),
                      help: t("In your own words, in the order it happened.", "Avec vos mots, dans l’ordre où c’est arrivé.", "Con sus palabras, en el orden en que ocurrió."),
                      why: t("Investigators start from your account.", "Les enquêteurs partent de votre récit.", "Los investigadores parten de su relato."),
                      required: true, evidence: .what),
                ReportQuestion(id: "who", kind: .text, label: t("Who is the official?", "Qui est l’agent ?", "¿Quién es el funcionario?"),
                      help: t("A name or a job title.", "Un nom ou une fonction.", "Un nombre o un cargo."),
                      why: t("Someone must be identified before anyone can act.", "Il faut identifier quelqu’un avant de pouvoir agir.",
                             "Hay que identificar a alguien para poder actuar."),
                      evidence: .who),
                ReportQuestion(id: "handlers-involved", kind: .yesNo, label: t("Is anyone in the integrity unit involved?", "Quelqu’un de la cellule d’intégrité est-il impliqué ?",
                                                                     "¿Hay alguien de la unidad de integridad implicado?"),
                      help: t("The unit that normally receives these reports.", "La cellule qui reçoit normalement ces signalements.",
                              "La unidad que normalmente recibe estas denuncias."),
                      why: t("If so, your report goes around them and they cannot read it.", "Si oui, votre signalement les contourne et ils ne peuvent pas le lire.",
                             "Si es así, su denuncia los evita y no pueden leerla."),
                      required: true),
                ReportQuestion(id: "where", kind: .location, label: t("Where did it happen?", "Où est-ce arrivé ?", "¿Dónde ocurrió?"),
                      help: t("Choose the region.", "Choisissez la région.", "Elija la región."),
                      why: t("It tells us which office holds the records.", "Cela nous dit quel bureau détient les dossiers.", "Nos dice qué oficina guarda los expedientes."),
                      statistical: true, evidence: .where),
                ReportQuestion(id: "when", kind: .date, label: t("When did it start?", "Quand cela a-t-il commencé ?", "¿Cuándo empezó?"),
                      help: t("The day, or your best guess.", "Le jour, ou votre meilleure estimation.", "El día, o su mejor estimación."),
                      why: t("Some cases must start within a time limit.", "Certaines affaires doivent commencer dans un délai.",
                             "Algunos casos deben iniciarse dentro de un plazo."),
                      evidence: .when),
                ReportQuestion(id: "ongoing", kind: .yesNo, label: t("Is it still going on?", "Cela continue-t-il ?", "¿Sigue ocurriendo?"),
                      help: t("Yes, no, or skip if you do not know.", "Oui, non, ou passez si vous ne savez pas.", "Sí, no, o sáltela si no lo sabe."),
                      why: t("Ongoing harm is looked at first.", "Un tort qui continue est traité en premier.", "Un daño que continúa se atiende primero."),
                      statistical: true),
                ReportQuestion(id: "amount", kind: .amount, label: t("How much was taken?", "Combien a été pris ?", "¿Cuánto se tomó?"),
                      help: t("A number; a rough figure is fine.", "Un nombre ; un ordre de grandeur suffit.", "Un número; una cifra aproximada sirve."),
                      why: t("The amount decides which rules apply.", "Le montant décide des règles qui s’appliquent.", "La cantidad decide qué reglas se aplican."),
                      showWhen: Condition(field: "kind", value: "theft"), evidence: .amount),
            ]),
            Step(id: "proof", title: t("What backs it up", "Ce qui le prouve", "Qué lo respalda"), fields: evidenceFields),
        ],
        demographics: demographics,
        rules: [
            Rule(when: Condition(field: "handlers-involved", value: "yes"), .excludeRecipients([integrityUnit])),
            Rule(when: Condition(field: "handlers-involved", value: "yes"), .addRecipients([externalOmbudsman])),
        ])
}

private func t(_ en: String, _ fr: String, _ es: String) -> LocalizedText { LocalizedText(en: en, fr: fr, es: es) }

private func option(_ id: String, _ en: String, _ fr: String, _ es: String) -> ReportQuestion.Option { ReportQuestion.Option(id: id, label: t(en, fr, es)) }
