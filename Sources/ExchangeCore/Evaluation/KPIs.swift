import Foundation

/// One respondent's answers to one questionnaire of one exchange.
public struct EvaluationResponse: Sendable, Equatable {
    public let exchange: UUID
    public let respondent: UUID
    public let party: DeclaringParty
    public let stage: EvaluationStage
    public let submittedAt: Date
    public let answers: [String: AnswerValue]

    public init(exchange: UUID, respondent: UUID, party: DeclaringParty, stage: EvaluationStage, submittedAt: Date, answers: [String: AnswerValue]) {
        (self.exchange, self.respondent, self.party, self.stage, self.submittedAt, self.answers) = (exchange, respondent, party, stage, submittedAt, answers)
    }
}

/// KPI 1: the share of exchanges whose latest periodic evaluation by the public body says its priorities and needs
/// are being met, i.e. rates them at or above the threshold.
public enum NeedsMetKPI {
    public static let defaultThreshold = 4

    public struct Result: Sendable, Equatable {
        public let met: Int
        public let evaluated: Int
        public var share: Double? { evaluated == 0 ? nil : Double(met) / Double(evaluated) }
    }

    public static func compute(_ responses: [EvaluationResponse], threshold: Int = defaultThreshold) -> Result {
        var latest: [UUID: (Date, Int)] = [:]
        for r in responses where r.party == .publicBody && r.stage != .pre {
            guard let score = r.answers["needs_met"]?.likert else { continue }
            if let seen = latest[r.exchange], seen.0 > r.submittedAt { continue }
            latest[r.exchange] = (r.submittedAt, score)
        }
        return Result(met: latest.values.filter { $0.1 >= threshold }.count, evaluated: latest.count)
    }
}

/// KPI 2: knowledge and capacity improvement, the mean of paired post − pre differences on the same knowledge item by
/// the same respondent, per item, per exchange and for the programme, each with n and a 95% confidence interval.
public enum KnowledgeKPI {
    public struct Pair: Sendable, Equatable {
        public let exchange: UUID
        public let item: String
        public let difference: Double
    }

    public struct Result: Sendable, Equatable {
        public let byItem: [String: MeanEstimate]
        public let byExchange: [UUID: MeanEstimate]
        public let programme: MeanEstimate
    }

    /// The latest pre and the latest post answer of each respondent, item by item.
    public static func pairs(_ responses: [EvaluationResponse], knowledgeItems: Set<String>) -> [Pair] {
        struct Key: Hashable { let exchange: UUID; let respondent: UUID; let item: String }
        var pre: [Key: (Date, Int)] = [:], post: [Key: (Date, Int)] = [:]
        for r in responses where r.stage != .mid {
            for (item, answer) in r.answers where knowledgeItems.contains(item) {
                guard let score = answer.likert else { continue }
                let key = Key(exchange: r.exchange, respondent: r.respondent, item: item)
                if r.stage == .pre {
                    if (pre[key]?.0 ?? .distantPast) <= r.submittedAt { pre[key] = (r.submittedAt, score) }
                } else if (post[key]?.0 ?? .distantPast) <= r.submittedAt {
                    post[key] = (r.submittedAt, score)
                }
            }
        }
        return post.compactMap { key, after in
            pre[key].map { Pair(exchange: key.exchange, item: key.item, difference: Double(after.1 - $0.1)) }
        }.sorted { ($0.exchange.uuidString, $0.item, $0.difference) < ($1.exchange.uuidString, $1.item, $1.difference) }
    }

    public static func compute(_ responses: [EvaluationResponse], knowledgeItems: Set<String>) -> Result {
        let pairs = pairs(responses, knowledgeItems: knowledgeItems)
        return Result(
            byItem: Dictionary(grouping: pairs, by: \.item).mapValues { Statistics.mean($0.map(\.difference)) },
            byExchange: Dictionary(grouping: pairs, by: \.exchange).mapValues { Statistics.mean($0.map(\.difference)) },
            programme: Statistics.mean(pairs.map(\.difference)))
    }
}

/// KPI 3, per programme year (the year an exchange started): outputs completed against planned, exchanges closed
/// successfully against started, and participants' feedback (satisfaction at closing).
public enum ProgrammeYearKPI {
    public struct Exchange: Sendable, Equatable {
        public let id: UUID
        public let startYear: Int
        public let outputsPlanned: Int
        public let outputsDone: Int
        /// Closed, not cancelled.
        public let closedSuccessfully: Bool

        public init(id: UUID, startYear: Int, outputsPlanned: Int, outputsDone: Int, closedSuccessfully: Bool) {
            (self.id, self.startYear, self.outputsPlanned, self.outputsDone, self.closedSuccessfully) = (id, startYear, outputsPlanned, outputsDone, closedSuccessfully)
        }
    }

    public struct Year: Sendable, Equatable {
        public let year: Int
        public let outputsDone: Int
        public let outputsPlanned: Int
        public let closed: Int
        public let started: Int
        public let feedback: MeanEstimate
    }

    public static func compute(_ exchanges: [Exchange], responses: [EvaluationResponse]) -> [Year] {
        Dictionary(grouping: exchanges, by: \.startYear).keys.sorted().map { year in
            let started = exchanges.filter { $0.startYear == year }
            let ids = Set(started.map(\.id))
            let satisfaction = responses.filter { ids.contains($0.exchange) && $0.stage == .post }
                .compactMap { $0.answers["satisfaction"]?.likert }.map(Double.init)
            return Year(year: year, outputsDone: started.reduce(0) { $0 + $1.outputsDone },
                        outputsPlanned: started.reduce(0) { $0 + $1.outputsPlanned },
                        closed: started.filter(\.closedSuccessfully).count, started: started.count,
                        feedback: Statistics.mean(satisfaction))
        }
    }
}
