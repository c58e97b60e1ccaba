/// The programme's questionnaires: before the start, half-way and at closing. Knowledge items follow the need's
/// support areas, so the same items are asked before and after and can be paired (KPI 2).
public enum DefaultQuestionnaires {
    public static func questionnaire(_ stage: EvaluationStage, supportAreas: [Int], areaNames: (Int) -> LocalizedText) -> Questionnaire {
        switch stage {
        case .pre:
            Questionnaire(stage: .pre, title: .init(en: "Before the exchange", fr: "Avant l’échange", es: "Antes del intercambio"),
                          questions: knowledge(supportAreas, areaNames) + [expectations])
        case .mid:
            Questionnaire(stage: .mid, title: .init(en: "Half-way", fr: "À mi-parcours", es: "A mitad del intercambio"),
                          questions: [progress, needsMet, comments])
        case .post:
            Questionnaire(stage: .post, title: .init(en: "At closing", fr: "À la clôture", es: "Al cierre"),
                          questions: knowledge(supportAreas, areaNames) + [needsMet, satisfaction, recommend, recommendations])
        }
    }

    public static func knowledgeID(_ area: Int) -> String { "knowledge_area_\(area)" }

    static func knowledge(_ areas: [Int], _ names: (Int) -> LocalizedText) -> [Question] {
        areas.map { area in
            let name = names(area)
            return Question(id: knowledgeID(area), kind: .likert, audience: .publicBody, role: .knowledge, prompt: .init(
                en: "Your team’s knowledge, capability and skills in “\(name.en)” today (1 = very low, 5 = very high)",
                fr: "Connaissances, capacités et compétences de votre équipe en « \(name.fr) » aujourd’hui (1 = très faibles, 5 = très élevées)",
                es: "Conocimientos, capacidades y habilidades de su equipo en «\(name.es)» hoy (1 = muy bajos, 5 = muy altos)"))
        }
    }

    static let expectations = Question(id: "expectations", kind: .text, prompt: .init(
        en: "What do you expect from this exchange?", fr: "Qu’attendez-vous de cet échange ?", es: "¿Qué espera de este intercambio?"))

    static let progress = Question(id: "progress", kind: .likert, prompt: .init(
        en: "How well is the work progressing against the Terms of Reference? (1 = not at all, 5 = fully on track)",
        fr: "Les travaux avancent-ils conformément aux termes de référence ? (1 = pas du tout, 5 = parfaitement)",
        es: "¿Avanza el trabajo según los términos de referencia? (1 = nada, 5 = totalmente)"))

    static let needsMet = Question(id: "needs_met", kind: .likert, role: .needsMet, prompt: .init(
        en: "The public body’s priorities and needs are being met (1 = not at all, 5 = completely)",
        fr: "Les priorités et besoins de l’organisme public sont satisfaits (1 = pas du tout, 5 = entièrement)",
        es: "Las prioridades y necesidades del organismo público se están atendiendo (1 = nada, 5 = por completo)"))

    static let comments = Question(id: "comments", kind: .text, required: false, prompt: .init(
        en: "Anything the programme office should know?", fr: "Quelque chose que le bureau du programme devrait savoir ?",
        es: "¿Algo que la oficina del programa deba saber?"))

    static let satisfaction = Question(id: "satisfaction", kind: .likert, role: .satisfaction, prompt: .init(
        en: "How satisfied are you with the exchange? (1 = very dissatisfied, 5 = very satisfied)",
        fr: "Êtes-vous satisfait de l’échange ? (1 = très insatisfait, 5 = très satisfait)",
        es: "¿Qué tan satisfecho está con el intercambio? (1 = muy insatisfecho, 5 = muy satisfecho)"))

    static let recommend = Question(id: "recommend", kind: .single, prompt: .init(
        en: "Would you recommend the programme to a peer?", fr: "Recommanderiez-vous le programme à un pair ?",
        es: "¿Recomendaría el programa a un colega?"), choices: [
            .init(id: "yes", label: .init(en: "Yes", fr: "Oui", es: "Sí")),
            .init(id: "no", label: .init(en: "No", fr: "Non", es: "No")),
            .init(id: "unsure", label: .init(en: "Not sure", fr: "Je ne sais pas", es: "No estoy seguro")),
        ])

    static let recommendations = Question(id: "recommendations", kind: .text, required: false, prompt: .init(
        en: "Lessons learned and recommendations", fr: "Enseignements et recommandations", es: "Lecciones aprendidas y recomendaciones"))
}
