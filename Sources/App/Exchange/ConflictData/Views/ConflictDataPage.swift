import ExchangeCore
import Foundation

/// The OCDS and BODS files the conflict screening draws on, the upload form, and why the last file was refused.
struct ConflictDataPage: PageModel {
    static let template = "conflict_data"
    let titleKey = "conflict_data.title"

    struct ImportRow: Encodable, Sendable, Equatable {
        let kind: String
        let fileName: String
        let items: Int
        let rows: Int
        let importedAt: String
    }

    typealias Refusal = UploadRefusal<DataFileProblem>

    let kinds: [Option]
    let imports: [ImportRow]
    let problems: [FileProblemRow]
    let problemCount: Int
    let error: String?

    /// `imports` newest first; `kind` is the kind chosen for the refused upload.
    init(imports: [DataImport], kind: DataImport.Kind?, refusal: Refusal?, text: some Translating) {
        kinds = Option.cases(DataImport.Kind.allCases, labels: "conflict_data.kind", selected: kind?.rawValue, text)
        self.imports = imports.map {
            ImportRow(kind: text.t("conflict_data.kind.\($0.kind.rawValue)"), fileName: $0.fileName, items: $0.items, rows: $0.rows,
                      importedAt: text.dateTime($0.createdAt))
        }
        problems = (refusal?.problems ?? []).prefix(100).map { FileProblemRow(place: $0.place(text), message: $0.message(text)) }
        problemCount = refusal?.count ?? 0
        error = refusal?.error
    }
}
