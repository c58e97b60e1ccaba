import Foundation

/// The world's M49 sub-regions as a grid of equal tiles, placed roughly where they lie, each shaded by a share and
/// labelled with it, as standalone SVG. Equal tiles keep small regions visible, and a table beside the map carries
/// the same numbers for anyone who cannot see it. A region whose value is hidden is pale grey with a dashed edge, never shaded.
public struct RegionTileMap: Sendable {
    public struct Tile: Sendable, Equatable {
        public let code: String
        public let name: String
        /// The share (0…1) the shade stands for; nil when hidden.
        public let share: Double?
        /// What the tile says, e.g. "12%" or "hidden".
        public let text: String

        public init(code: String, name: String, share: Double?, text: String) {
            (self.code, self.name, self.share, self.text) = (code, name, share, text)
        }
    }

    public let id: String
    public let title: String
    public let summary: String
    public let tiles: [Tile]

    public init(id: String, title: String, summary: String, tiles: [Tile]) {
        (self.id, self.title, self.summary, self.tiles) = (id, title, summary, tiles)
    }

    /// Column and row of each sub-region: the Americas on the left, Europe and Africa in the middle, Asia and
    /// Oceania on the right.
    static let layout: [String: (Int, Int)] = [
        "021": (1, 0), "154": (3, 0), "151": (4, 0), "143": (5, 0), "030": (6, 0),
        "013": (0, 1), "029": (1, 1), "155": (3, 1), "039": (4, 1), "145": (5, 1), "034": (6, 1), "035": (7, 1),
        "005": (1, 2), "015": (3, 2), "057": (8, 2),
        "011": (2, 3), "017": (3, 3), "014": (4, 3), "054": (7, 3), "061": (8, 3),
        "018": (3, 4), "053": (7, 4), "QO": (8, 4),
    ]
    static let tile = 68, gap = 4, columns = 9
    /// Five shades from light to dark; text is white on the three darkest, which keeps 4.5:1 contrast.
    static let shades = ["#dbe9f4", "#a9cbe4", "#2f6fa3", "#1f5a88", "#0b3c5d"]

    static func shade(_ share: Double) -> Int { min(Int(share * 5), 4) }

    public var svg: String {
        let placed = tiles.map { tile in (tile, Self.layout[tile.code]) }
        let extra = placed.filter { $0.1 == nil }.map(\.0)
        let rows = 5 + (extra.isEmpty ? 0 : (extra.count + Self.columns - 1) / Self.columns)
        let width = Self.columns * (Self.tile + Self.gap), height = rows * (Self.tile + Self.gap)
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\##(id)-title \##(id)-desc" "##
        out += ##"viewBox="0 0 \##(width) \##(height)" width="\##(width)" height="\##(height)" font-family="system-ui, sans-serif" font-size="12">"##
        out += ##"<title id="\##(id)-title">\##(BarChart.escape(title))</title><desc id="\##(id)-desc">\##(BarChart.escape(summary))</desc>"##
        var overflow = 0
        for (tile, position) in placed {
            let (column, row): (Int, Int)
            if let position { (column, row) = position } else { (column, row) = (overflow % Self.columns, 5 + overflow / Self.columns); overflow += 1 }
            out += draw(tile, x: column * (Self.tile + Self.gap), y: row * (Self.tile + Self.gap))
        }
        return out + "</svg>"
    }

    private func draw(_ tile: Tile, x: Int, y: Int) -> String {
        let fill = tile.share.map { Self.shades[Self.shade($0)] } ?? "#f2f2f2"
        let border = tile.share == nil ? #" stroke-dasharray="4 3""# : ""
        let ink = tile.share.map { Self.shade($0) >= 2 ? "#ffffff" : "#1b1f24" } ?? "#1b1f24"
        let name = BarChart.escape(tile.name), text = BarChart.escape(tile.text)
        var out = ##"<g><title>\##(name): \##(text)</title><rect x="\##(x)" y="\##(y)" width="\##(Self.tile)" height="\##(Self.tile)" rx="4" fill="\##(fill)" stroke="#5b6670"\##(border)/>"##
        out += ##"<text x="\##(x + 6)" y="\##(y + 18)" fill="\##(ink)" font-weight="600">\##(BarChart.escape(tile.code))</text>"##
        out += ##"<text x="\##(x + 6)" y="\##(y + Self.tile - 10)" fill="\##(ink)">\##(text)</text></g>"##
        return out
    }
}
