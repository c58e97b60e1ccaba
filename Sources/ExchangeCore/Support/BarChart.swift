import Foundation

/// A horizontal bar chart as standalone SVG, with a title, a description and every value written beside its bar,
/// so screen readers get the numbers and no script is needed.
///
/// Each label sits on its own lines above its bar, left-aligned and wrapped, so no label is cut whatever its
/// language; a label longer than two lines is shortened with "…" and keeps its full text in a `<title>`. The chart
/// has a fixed natural size (the page's style sheet may shrink it, never stretch it), and a chart without bars says
/// so instead of leaving a gap.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        /// Nil when there is no value: the row shows its text and no bar.
        public let value: Double?
        /// What is written beside the bar, e.g. "62%" or "3".
        public let text: String

        public init(label: String, value: Double?, text: String) {
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
    /// Shown in place of bars when there are none, e.g. "No data yet".
    public let emptyText: String

    public init(id: String, title: String, summary: String, bars: [Bar], scale: Double? = nil, emptyText: String = "—") {
        (self.id, self.title, self.summary, self.bars, self.scale, self.emptyText) = (id, title, summary, bars, scale, emptyText)
    }

    /// The drawing's size in pixels, and how much text a label line may hold.
    static let width = 640, valueSpace = 90, lineHeight = 17, barHeight = 16, gap = 10, fontSize = 13, padding = 6
    /// Characters per label line: 13 px system-ui text averages under 7 px a character; wide glyphs are why
    /// the budget stays well under 640 / 7.
    static let lineBudget = 72

    public var svg: String {
        let rows = bars.map { (bar: $0, lines: Self.wrap($0.label, budget: Self.lineBudget)) }
        let rowHeights = rows.map { $0.lines.count * Self.lineHeight + Self.barHeight + Self.gap }
        let height = bars.isEmpty ? 40 : rowHeights.reduce(Self.padding * 2, +)
        let full = scale ?? max(bars.compactMap(\.value).max() ?? 1, 1e-9)
        let barWidth = Self.width - Self.valueSpace - Self.padding
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\##(id)-title \##(id)-desc" "##
        out += ##"viewBox="0 0 \##(Self.width) \##(height)" width="\##(Self.width)" height="\##(height)" "##
        out += ##"font-family="system-ui, sans-serif" font-size="\##(Self.fontSize)">"##
        out += ##"<title id="\##(id)-title">\##(Self.escape(title))</title><desc id="\##(id)-desc">\##(Self.escape(summary))</desc>"##
        if bars.isEmpty {
            return out + ##"<text x="\##(Self.padding)" y="24" fill="#4a5560">\##(Self.escape(emptyText))</text></svg>"##
        }
        var y = Self.padding
        let x = Self.padding
        for (row, height) in zip(rows, rowHeights) {
            out += ##"<text x="\##(x)" y="\##(y + 13)" fill="#1b1f24">"##
            if row.lines.joined(separator: " ") != row.bar.label { out += "<title>\(Self.escape(row.bar.label))</title>" }
            for (index, line) in row.lines.enumerated() {
                out += ##"<tspan x="\##(x)" dy="\##(index == 0 ? 0 : Self.lineHeight)">\##(Self.escape(line))</tspan>"##
            }
            out += "</text>"
            let barTop = y + row.lines.count * Self.lineHeight
            var textX = x
            if let value = row.bar.value {
                let length = max(full > 0 ? Int((Double(barWidth) * min(max(value, 0) / full, 1)).rounded()) : 0, 2)
                let label = Self.escape(row.bar.label)
                out += ##"<rect x="\##(x)" y="\##(barTop)" width="\##(length)" height="\##(Self.barHeight)" fill="#0b4a6f"><title>\##(label): \##(Self.escape(row.bar.text))</title></rect>"##
                textX = x + length + 6
            }
            out += ##"<text x="\##(textX)" y="\##(barTop + 13)" fill="#1b1f24">\##(Self.escape(row.bar.text))</text>"##
            y += height
        }
        return out + "</svg>"
    }

    /// Words in lines of at most `budget` characters, two lines at most; a cut label ends with "…". A single
    /// word longer than a line is cut too.
    static func wrap(_ text: String, budget: Int, maxLines: Int = 2) -> [String] {
        var lines: [String] = []
        var current = ""
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        while let word = words.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= budget {
                current = candidate
                words = words.dropFirst()
            } else if current.isEmpty {
                current = String(word.prefix(budget))
                words = words.dropFirst()
                words.insert(String(word.dropFirst(budget)), at: words.startIndex)
            } else {
                lines.append(current)
                current = ""
                if lines.count == maxLines { break }
            }
        }
        if !current.isEmpty, lines.count < maxLines { lines.append(current) }
        if !words.isEmpty || lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines.removeLast()
            if last.count >= budget { last = String(last.prefix(budget - 1)) }
            lines.append(last + "…")
        }
        return lines.isEmpty ? [""] : lines
    }

    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
