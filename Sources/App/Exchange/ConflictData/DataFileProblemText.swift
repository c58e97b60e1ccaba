import ExchangeCore

extension DataFileProblem {
    /// Where in the file, in the reader's language.
    func place(_ text: some Translating) -> String {
        if line == 0 { return text.t("conflict_data.place.file") }
        guard let item else { return text.t("conflict_data.place.line", String(line)) }
        return text.t("conflict_data.place.item", String(line), String(item))
    }

    func message(_ text: some Translating) -> String {
        text.t("conflict_data.problem.\(code)", detail.map { [$0] } ?? [])
    }

    func place(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String { place(PageText(catalogs: catalogs, language: language)) }
    func message(_ catalogs: Catalogs, _ language: SupportedLanguage) -> String { message(PageText(catalogs: catalogs, language: language)) }
}
