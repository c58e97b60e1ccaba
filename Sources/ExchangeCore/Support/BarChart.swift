import Foundation

/// A horizontal bar chart as standalone SVG, with a title, a description and every value written beside its bar,
/// so screen readers get the numbers and no script is needed.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        /// What is written beside the bar, e.g. "62%" or "3".
        public let text: String

        public init(label: String, value: Double, text: String) {
            (self.label, self.value, self.text) = (label, value, text)
        }
    }

    /// Unique on the page: it names the title and description elements.
    public let id: String
    public let title: String
    public let summary: String
    public let bars: [Bar]
    /// The value a full-length bar stands for; the largest value when nil.
    public let scale: Double?

    public init(id: String, title: String, summary: String, bars: [Bar], scale: Double? = nil) {
        (self.id, self.title, self.summary, self.bars, self.scale) = (id, title, summary, bars, scale)
    }

    public var svg: String {
        let rowHeight = 26, labelWidth = 260, barWidth = 300, top = 8
        let height = top + rowHeight * max(bars.count, 1) + 8
        let width = labelWidth + barWidth + 90
        let full = scale ?? max(bars.map(\.value).max() ?? 1, 1e-9)
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\##(id)-title \##(id)-desc" "##
        out += ##"viewBox="0 0 \##(width) \##(height)" width="100%" style="max-width:\##(width)px" font-family="system-ui, sans-serif" font-size="13">"##
        out += ##"<title id="\##(id)-title">\##(Self.escape(title))</title><desc id="\##(id)-desc">\##(Self.escape(summary))</desc>"##
        for (row, bar) in bars.enumerated() {
            let y = top + row * rowHeight
            let length = full > 0 ? Int((Double(barWidth) * min(max(bar.value, 0) / full, 1)).rounded()) : 0
            let label = Self.escape(bar.label)
            out += ##"<text x="\##(labelWidth - 8)" y="\##(y + 17)" text-anchor="end" fill="#1b1f24">\##(label)</text>"##
            out += ##"<rect x="\##(labelWidth)" y="\##(y + 5)" width="\##(max(length, 2))" height="16" fill="#0b4a6f"><title>\##(label): \##(Self.escape(bar.text))</title></rect>"##
            out += ##"<text x="\##(labelWidth + max(length, 2) + 6)" y="\##(y + 17)" fill="#1b1f24">\##(Self.escape(bar.text))</text>"##
        }
        return out + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
