/// A company's chain of owners as standalone SVG: the company at the bottom, each owner one row above the nearest
/// company it holds, and every relationship an arrow labelled with its share. Every label is also in a `<title>`,
/// and pages show the same chain as a table beside the drawing.
public struct OwnershipChainChart: Sendable {
    public struct Node: Sendable, Equatable {
        public let id: String
        public let label: String
        /// People are drawn with rounded corners, entities square; unspecified parties dashed.
        public let isPerson: Bool
        public let isUnspecified: Bool

        public init(id: String, label: String, isPerson: Bool, isUnspecified: Bool) {
            (self.id, self.label, self.isPerson, self.isUnspecified) = (id, label, isPerson, isUnspecified)
        }
    }

    public struct Link: Sendable, Equatable {
        public let owner: String
        public let subject: String
        public let label: String

        public init(owner: String, subject: String, label: String) {
            (self.owner, self.subject, self.label) = (owner, subject, label)
        }
    }

    public let id: String
    public let title: String
    public let summary: String
    public let target: String
    public let nodes: [Node]
    public let links: [Link]

    public init(id: String, title: String, summary: String, target: String, nodes: [Node], links: [Link]) {
        (self.id, self.title, self.summary, self.target, self.nodes, self.links) = (id, title, summary, target, nodes, links)
    }

    static let boxWidth = 180, boxHeight = 44, columnGap = 24, rowGap = 70, padding = 12, fontSize = 13, labelBudget = 24

    /// Rows from the bottom: the company is row 0, its direct owners row 1, and so on by the shortest way up.
    func rows() -> [[Node]] {
        var level: [String: Int] = [target: 0]
        var queue = [target]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for link in links where link.subject == current && level[link.owner] == nil {
                level[link.owner] = level[current]! + 1
                queue.append(link.owner)
            }
        }
        let depth = (level.values.max() ?? 0) + 1
        var rows = Array(repeating: [Node](), count: depth)
        for node in nodes { if let row = level[node.id] { rows[row].append(node) } }
        return rows
    }

    public var svg: String {
        let rows = rows()
        let widest = rows.map(\.count).max() ?? 1
        let width = max(640, widest * (Self.boxWidth + Self.columnGap) + 2 * Self.padding)
        let height = rows.count * (Self.boxHeight + Self.rowGap) - Self.rowGap + 2 * Self.padding
        var place: [String: (x: Int, y: Int)] = [:]
        for (row, members) in rows.enumerated() {
            let rowWidth = members.count * Self.boxWidth + (members.count - 1) * Self.columnGap
            let y = height - Self.padding - Self.boxHeight - row * (Self.boxHeight + Self.rowGap)
            for (index, node) in members.enumerated() {
                place[node.id] = ((width - rowWidth) / 2 + index * (Self.boxWidth + Self.columnGap), y)
            }
        }
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\##(id)-title \##(id)-desc" "##
        out += ##"viewBox="0 0 \##(width) \##(height)" width="\##(width)" height="\##(height)" font-family="system-ui, sans-serif" font-size="\##(Self.fontSize)">"##
        out += ##"<title id="\##(id)-title">\##(Self.escape(title))</title><desc id="\##(id)-desc">\##(Self.escape(summary))</desc>"##
        out += ##"<defs><marker id="\##(id)-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1b1f24"/></marker></defs>"##
        for link in links {
            guard let from = place[link.owner], let to = place[link.subject] else { continue }
            let (x1, y1) = (from.x + Self.boxWidth / 2, from.y + (from.y < to.y ? Self.boxHeight : 0))
            let (x2, y2) = (to.x + Self.boxWidth / 2, to.y + (from.y < to.y ? 0 : Self.boxHeight))
            out += ##"<line x1="\##(x1)" y1="\##(y1)" x2="\##(x2)" y2="\##(y2)" stroke="#1b1f24" stroke-width="1.5" marker-end="url(#\##(id)-arrow)"/>"##
            let (mx, my) = ((x1 + x2) / 2, (y1 + y2) / 2)
            out += ##"<text x="\##(mx + 6)" y="\##(my + 4)" fill="#1b1f24" stroke="#ffffff" stroke-width="4" paint-order="stroke"><title>\##(Self.escape(link.label))</title>\##(Self.escape(link.label))</text>"##
        }
        for node in rows.joined() {
            guard let at = place[node.id] else { continue }
            let corner = node.isPerson ? 18 : 2
            let dash = node.isUnspecified ? ##" stroke-dasharray="5 3""## : ""
            let fill = node.id == target ? "#dbe9f4" : "#ffffff"
            out += ##"<rect x="\##(at.x)" y="\##(at.y)" width="\##(Self.boxWidth)" height="\##(Self.boxHeight)" rx="\##(corner)" fill="\##(fill)" stroke="#0b4a6f" stroke-width="1.5"\##(dash)><title>\##(Self.escape(node.label))</title></rect>"##
            let shown = node.label.count > Self.labelBudget ? String(node.label.prefix(Self.labelBudget - 1)) + "…" : node.label
            out += ##"<text x="\##(at.x + Self.boxWidth / 2)" y="\##(at.y + Self.boxHeight / 2 + 5)" text-anchor="middle" fill="#1b1f24">\##(Self.escape(shown))</text>"##
        }
        return out + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
