import Testing
@testable import ExchangeCore

/// Charts keep their natural size, never cut a label, and say so when they have nothing to show.
struct BarChartTests {
    static let long = "Reviewing or designing an internal digital tool, or reviewing an internal one used by the inspectorate for audit planning"

    @Test func labelsWrapOnWordsIntoTwoLinesAtMostAndACutLabelEndsWithAnEllipsis() {
        #expect(BarChart.wrap("Data strategy", budget: 72) == ["Data strategy"])
        let two = BarChart.wrap("Institutional strategy, policy and data governance for the whole public body and its regions", budget: 40)
        #expect(two.count == 2 && two.allSatisfy { $0.count <= 40 })
        let cut = BarChart.wrap(Self.long, budget: 40)
        #expect(cut.count == 2 && cut[1].hasSuffix("…") && cut.allSatisfy { $0.count <= 40 })
        #expect(BarChart.wrap(String(repeating: "x", count: 100), budget: 40) == [String(repeating: "x", count: 40), String(repeating: "x", count: 39) + "…"])
        #expect(BarChart.wrap("", budget: 40) == [""])
    }

    @Test func theChartHasItsNaturalSizeAndNoInlineStyle() {
        let svg = BarChart(id: "c", title: "Stages", summary: "How far", bars: [.init(label: "Open", value: 3, text: "3")]).svg
        #expect(svg.contains(#"viewBox="0 0 640 "#) && svg.contains(#"width="640""#) && !svg.contains("style="),
                "the page's style sheet shrinks it on a phone; an inline style would be refused by the content security policy")
    }

    @Test func aCutLabelKeepsItsFullTextAndEveryLabelStartsAtTheLeftEdge() {
        let longer = Self.long + ", and then again for the regional offices in every province of the country"
        let svg = BarChart(id: "c", title: "T", summary: "S", bars: [.init(label: longer, value: 1, text: "100%")]).svg
        #expect(svg.contains("<title>\(longer)</title>") && svg.contains("…</tspan>"))
        #expect(!svg.contains("text-anchor=\"end\""), "right-aligned labels ran off the left edge")
    }

    @Test func anEmptyChartSaysSoAndABarWithoutValueHasNoBar() {
        let empty = BarChart(id: "c", title: "T", summary: "S", bars: [], emptyText: "No data yet").svg
        #expect(empty.contains(">No data yet</text>") && !empty.contains("<rect"))
        let partial = BarChart(id: "c", title: "T", summary: "S", bars: [.init(label: "A", value: nil, text: "–"), .init(label: "B", value: 2, text: "2")]).svg
        #expect(partial.components(separatedBy: "<rect").count - 1 == 1)
    }
}
