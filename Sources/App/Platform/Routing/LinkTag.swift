import Foundation
import Leaf
import LeafKit

/// `#link("NeedRoute.show", content.id)` in a template: the route's address from the route table, its
/// parameters filled in order. An unknown name fails the render, so a renamed route cannot leave a dead link.
struct LinkTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let name = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#link needs a route name as its first parameter"))
        }
        guard let components = RouteTable.byName[name] else {
            throw LeafError(.unknownError("#link: no route is named \(name)"))
        }
        let values = ctx.parameters.dropFirst().map { value -> String in
            let text = value.string ?? ""
            return UUID(uuidString: text).map(\.pathSegment) ?? text
        }
        return .string(RouteLink.address(components: components, values, name: name))
    }
}
