import BeneficialOwnership
import Foundation

/// Staff and analysts bring BODS 0.4 files into the registry; a refused file lists each bad statement.
struct RegistryImportPage: PageModel {
    static let template = "registry_import"
    let titleKey = "registry.import_title"

    struct ImportRow: Encodable, Sendable, Equatable {
        let fileName: String
        let statements: String
        let importedAt: String
    }

    typealias Refusal = UploadRefusal<BODSProblem>

    let imports: [ImportRow]
    let problems: [FileProblemRow]
    let moreProblems: String?
    let error: String?
    let searchHref: String

    init(imports: [OwnershipImport], refusal: Refusal?, text: some Translating) {
        self.imports = imports.map { ImportRow(fileName: $0.fileName, statements: text.number($0.statements), importedAt: text.dateTime($0.createdAt)) }
        let problems = (refusal?.problems ?? []).prefix(100)
        self.problems = problems.map { FileProblemRow(place: $0.place(text), message: $0.message(text)) }
        let count = refusal?.count ?? 0
        moreProblems = count > problems.count ? text.t("registry.more_problems", text.number(count - problems.count)) : nil
        error = refusal?.error
        searchHref = RegistryRoute.search.link()
    }
}
