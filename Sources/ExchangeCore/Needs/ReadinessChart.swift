/// A horizontal bar chart of a readiness assessment: one labelled bar per rated area, on the scale of the highest
/// score, drawn as every chart is (`BarChart`); an area not rated shows "–" and no bar.
public enum ReadinessChart {
    /// `labels` gives each area's name in the reader's language; `title` and `summary` are already translated.
    public static func svg(_ assessment: ReadinessAssessment, labels: [ReadinessArea: String], title: String, summary: String) -> String {
        let maximum = ReadinessAssessment.maximumScore
        let bars = ReadinessArea.allCases.map { area in
            let score = assessment.ratings[area]?.score
            return BarChart.Bar(label: labels[area] ?? area.rawValue, value: score.map(Double.init), text: score.map { "\($0)/\(maximum)" } ?? "–")
        }
        return BarChart(id: "readiness", title: title, summary: summary, bars: bars, scale: Double(maximum)).svg
    }
}
