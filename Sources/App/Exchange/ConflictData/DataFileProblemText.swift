import ExchangeCore

extension DataFileProblem {
    /// Where in the file, in the reader's language.
    func place(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String {
        if line == 0 { return catalogs.text("conflict_data.place.file", language) }
        guard let item else { return catalogs.text("conflict_data.place.line", language, [String(line)]) }
        return catalogs.text("conflict_data.place.item", language, [String(line), String(item)])
    }

    func message(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String {
        catalogs.text("conflict_data.problem.\(code)", language, detail.map { [$0] } ?? [])
    }
}
