import ExchangeCore
import Leaf
import LeafKit

/// `#t("key")` or `#t("key", arg0, arg1)` in a template, in the page's language (`page.lang`).
struct TranslateTag: LeafTag {
    let catalogs: Catalogs

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t needs a catalog key as its first parameter"))
        }
        let language = ctx.data["page"]?.dictionary?["lang"]?.string.flatMap(SupportedLanguage.init(rawValue:)) ?? .fallback
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(catalogs.text(key, language, Array(arguments)))
    }
}
