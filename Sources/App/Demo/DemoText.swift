import ExchangeCore

/// A demo text in each language, as the person writing it would: records are written once, in the writer's
/// language, so they are demo content rather than catalog entries.
struct InEachLanguage<Value: Sendable>: Sendable {
    let en: Value, fr: Value, es: Value

    subscript(_ language: SupportedLanguage) -> Value {
        switch language {
        case .en: en
        case .fr: fr
        case .es: es
        }
    }
}

/// What the demo's people write as they go: declarations, Terms, minutes, reports.
enum DemoText {
    typealias Text = InEachLanguage<String>

    static let cleared = Text(en: "References and registers checked; nothing found (demo).",
                              fr: "Références et registres vérifiés ; rien à signaler (démo).",
                              es: "Referencias y registros verificados; nada que señalar (demo).")
    static let checked = Text(en: "Checked against the public register (demo).", fr: "Vérifié dans le registre public (démo).",
                              es: "Verificado en el registro público (demo).")
    static let pastEmployment = Text(
        en: "Until last year I worked for a firm that maintains the body's IT systems (demo).",
        fr: "Jusqu'à l'an dernier, je travaillais pour une société qui maintient les systèmes informatiques de l'organisme (démo).",
        es: "Hasta el año pasado trabajé para una empresa que mantiene los sistemas informáticos de la entidad (demo).")
    static let waiverReason = Text(
        en: "The expert's former employer maintains the body's IT systems; the work does not touch them (demo).",
        fr: "L'ancien employeur de l'experte maintient les systèmes de l'organisme ; le travail n'y touche pas (démo).",
        es: "El antiguo empleador de la persona experta mantiene los sistemas de la entidad; el trabajo no los toca (demo).")
    static let waiverMitigation = Text(
        en: "The expert will not review any contract with the former employer, and the programme office attends every meeting (demo).",
        fr: "L'experte n'examinera aucun contrat de son ancien employeur et le bureau du programme assiste à chaque réunion (démo).",
        es: "La persona experta no revisará contratos de su antiguo empleador y la oficina del programa asiste a cada reunión (demo).")
    static let marketingConcern = Text(
        en: "During the scoping call the expert presented his company's paid case-management product and offered a discount (demo).",
        fr: "Lors de l'appel de cadrage, l'expert a présenté le produit payant de son entreprise et proposé une remise (démo).",
        es: "En la llamada inicial la persona experta presentó el producto de pago de su empresa y ofreció un descuento (demo).")
    static let cancelled = Text(
        en: "Promoting a product breaks the programme's rules; the match is cancelled and the need goes back to matching (demo).",
        fr: "Promouvoir un produit enfreint les règles du programme ; la mise en relation est annulée (démo).",
        es: "Promocionar un producto incumple las reglas del programa; la vinculación se cancela (demo).")

    static let bodyRole = Text(en: "Owns the data and the questions", fr: "Détient les données et les questions",
                               es: "Custodia los datos y las preguntas")
    static let expertRole = Text(en: "Designs and builds the analysis", fr: "Conçoit et construit l'analyse", es: "Diseña y construye el análisis")
    static let officeRole = Text(en: "Follows up and unblocks", fr: "Assure le suivi et lève les blocages", es: "Hace el seguimiento y desbloquea")
    static let cadence = Text(en: "Every two weeks, one hour", fr: "Toutes les deux semaines, une heure", es: "Cada dos semanas, una hora")
    static let decisions = Text(en: "By consensus of both sides", fr: "Par consensus des deux parties", es: "Por consenso de ambas partes")
    static let escalation = Text(en: "To the programme office", fr: "Au bureau du programme", es: "A la oficina del programa")
    static let goal = Text(en: "Deliver a working first version of:", fr: "Livrer une première version opérationnelle de :",
                           es: "Entregar una primera versión operativa de:")
    static let deliverables = InEachLanguage(en: ["Working prototype", "Method note and handover session"],
                                             fr: ["Prototype opérationnel", "Note de méthode et séance de passation"],
                                             es: ["Prototipo operativo", "Nota metodológica y sesión de traspaso"])
    static let milestones = InEachLanguage(en: ["Kick-off held", "Sample data received"], fr: ["Lancement tenu", "Données d'essai reçues"],
                                           es: ["Reunión de arranque", "Datos de prueba recibidos"])
    static let success = Text(
        en: "We will know we are successful when we have a tool our staff use every week without the expert.",
        fr: "Nous saurons que nous avons réussi lorsque nous aurons un outil que nos équipes utilisent chaque semaine sans l'expert.",
        es: "Sabremos que hemos tenido éxito cuando hayamos puesto en uso un instrumento que el equipo usa cada semana sin la persona experta.")
    static let unfinishedSuccess = Text(en: "Better use of our procurement data.", fr: "Mieux utiliser nos données de marchés publics.",
                                        es: "Usar mejor nuestros datos de contratación.")
    static let communication = Text(en: "Lessons learned and a short summary", fr: "Leçons apprises et un court résumé",
                                    es: "Lecciones aprendidas y un breve resumen")
    static let consent = Text(en: "Both sides, item by item", fr: "Les deux parties, point par point", es: "Ambas partes, punto por punto")
    static let dataRules = Text(en: "Synthetic data only", fr: "Données synthétiques uniquement", es: "Solo datos sintéticos")

    static let agenda = Text(en: "Progress, blockers, next steps", fr: "Avancement, blocages, prochaines étapes",
                             es: "Avance, bloqueos, próximos pasos")
    static let meetingDecisions = Text(en: "Keep the scope; share the sample data first", fr: "Garder le périmètre ; partager d'abord les données d'essai",
                                       es: "Mantener el alcance; compartir primero los datos de prueba")
    static let meetingOutcomes = Text(en: "First indicators reviewed together", fr: "Premiers indicateurs revus ensemble",
                                      es: "Primeros indicadores revisados juntos")
    static let actions = InEachLanguage(en: ["Share the data dictionary", "Send the draft indicators for review"],
                                        fr: ["Partager le dictionnaire de données", "Envoyer les indicateurs provisoires pour relecture"],
                                        es: ["Compartir el diccionario de datos", "Enviar los indicadores provisionales para revisión"])

    static let outcome = Text(
        en: "The team now runs the analysis every month on its own, and found three cases worth a closer look in the first run.",
        fr: "L'équipe mène désormais l'analyse chaque mois seule et a repéré trois dossiers à examiner dès la première fois.",
        es: "El equipo realiza ahora el análisis cada mes por su cuenta y encontró tres casos para revisar en la primera ejecución.")
    static let lessons = Text(
        en: "Start from one real question, agree on the data on day one, and plan the handover from the first month.",
        fr: "Partir d'une vraie question, s'accorder sur les données dès le premier jour et préparer la passation dès le premier mois.",
        es: "Partir de una pregunta real, acordar los datos el primer día y planificar el traspaso desde el primer mes.")
    static let recommendations = Text(
        en: "Publish the indicators' method so that other bodies can reuse it.",
        fr: "Publier la méthode des indicateurs pour que d'autres organismes la réutilisent.",
        es: "Publicar el método de los indicadores para que otras entidades lo reutilicen.")
    static let post = Text(en: "A pro bono data exchange, from question to working tool (demo).",
                           fr: "Un échange de données bénévole, de la question à l'outil (démo).",
                           es: "Un intercambio de datos gratuito, de la pregunta a la herramienta (demo).")
}

/// Questionnaire answers that make the programme's KPIs show a real change: knowledge grows from before to after,
/// needs are met, and people are satisfied.
enum DemoAnswers {
    static func raw(_ questions: [Question], stage: EvaluationStage, language: SupportedLanguage) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: questions.compactMap { question -> (String, [String])? in
            let value: String?
            switch question.kind {
            case .likert:
                switch question.role {
                // Each language's writers grow by a different step, so the gains have a spread to estimate.
                case .knowledge: value = stage == .pre ? (language == .es ? "1" : "2") : stage == .mid ? "3" : (language == .en ? "4" : "5")
                case .needsMet: value = "4"
                case .satisfaction: value = "5"
                case nil: value = "4"
                }
            case .single, .multiple: value = question.choices.first?.id
            case .number: value = "2"
            case .text: value = InEachLanguage(en: "Clear goals and regular meetings helped most.",
                                               fr: "Des objectifs clairs et des réunions régulières ont le plus aidé.",
                                               es: "Lo que más ayudó fueron los objetivos claros y las reuniones regulares.")[language]
            }
            return value.map { (question.id, [$0]) }
        })
    }
}
