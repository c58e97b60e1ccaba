extension ReportQuestionnaire {
    /// The values of the answers to statistical fields, by field id: all the server keeps readable of a report's
    /// content, because the public statistics count them.
    public func statistics(of answers: [String: Answer]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for (_, field) in reportFields where field.statistical {
            if let counted = answers[field.id]?.statisticValues, !counted.isEmpty { values[field.id] = counted }
        }
        return values
    }

    /// The region the report is about: the first statistical location answered with a region. Complaints are routed
    /// by it, and the statistics count by it.
    public func region(of answers: [String: Answer]) -> String? {
        for (_, field) in reportFields where field.kind == .location && field.statistical {
            if case .location(.region(let code))? = answers[field.id] { return code }
        }
        return nil
    }
}
