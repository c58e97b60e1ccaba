/// A horizontal bar chart of a readiness assessment, as standalone SVG with a title, a description and one
/// labelled bar per area, so screen readers get the numbers and no script is needed.
public enum ReadinessChart {
    /// `labels` gives each area's name in the reader's language; `title` and `summary` are already translated.
    public static func svg(_ assessment: ReadinessAssessment, labels: [ReadinessArea: String], title: String, summary: String) -> String {
        let rowHeight = 26, labelWidth = 290, barWidth = 300, top = 10
        let height = top + rowHeight * ReadinessArea.allCases.count + 24
        let width = labelWidth + barWidth + 50
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="readiness-title readiness-desc" "##
        out += ##"viewBox="0 0 \##(width) \##(height)" width="100%" style="max-width:\##(width)px" font-family="system-ui, sans-serif" font-size="13">"##
        out += ##"<title id="readiness-title">\##(escape(title))</title><desc id="readiness-desc">\##(escape(summary))</desc>"##
        for step in 0...ReadinessAssessment.maximumScore {
            let x = labelWidth + barWidth * step / ReadinessAssessment.maximumScore
            out += ##"<line x1="\##(x)" y1="\##(top)" x2="\##(x)" y2="\##(height - 20)" stroke="#c9d1d9"/>"##
            out += ##"<text x="\##(x)" y="\##(height - 6)" text-anchor="middle" fill="#4a5560">\##(step)</text>"##
        }
        for (row, area) in ReadinessArea.allCases.enumerated() {
            let y = top + row * rowHeight
            let score = assessment.ratings[area]?.score
            let name = escape(labels[area] ?? area.rawValue)
            out += ##"<text x="\##(labelWidth - 8)" y="\##(y + 17)" text-anchor="end" fill="#1b1f24">\##(name)</text>"##
            if let score {
                let length = barWidth * score / ReadinessAssessment.maximumScore
                out += ##"<rect x="\##(labelWidth)" y="\##(y + 5)" width="\##(max(length, 2))" height="16" fill="#0b4a6f"><title>\##(name): \##(score)/\##(ReadinessAssessment.maximumScore)</title></rect>"##
                out += ##"<text x="\##(labelWidth + max(length, 2) + 6)" y="\##(y + 17)" fill="#1b1f24">\##(score)</text>"##
            } else {
                out += ##"<text x="\##(labelWidth + 6)" y="\##(y + 17)" fill="#4a5560">–</text>"##
            }
        }
        return out + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
