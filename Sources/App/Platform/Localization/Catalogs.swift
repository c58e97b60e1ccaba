import ExchangeCore
import Foundation
import Vapor

/// The UI text in every language, loaded once from Resources/Localization/<lang>.json.
/// Placeholders are {0}, {1}, … so translators can reorder them.
public struct Catalogs: Sendable {
    public let entries: [SupportedLanguage: [String: String]]

    public init(entries: [SupportedLanguage: [String: String]]) {
        self.entries = entries
    }

    public static func load(from directory: URL) throws -> Catalogs {
        var entries: [SupportedLanguage: [String: String]] = [:]
        for language in SupportedLanguage.allCases {
            let url = directory.appendingPathComponent("\(language.rawValue).json")
            entries[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Catalogs(entries: entries)
    }

    /// A missing key shows itself (and fails the catalog test), never an empty string.
    public func text(_ key: String, _ language: SupportedLanguage, _ arguments: [String] = []) -> String {
        let template = entries[language]?[key] ?? entries[.fallback]?[key] ?? key
        guard !arguments.isEmpty else { return template }
        var result = template
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return result
    }
}

enum ResourceLocation {
    /// The package's bundled Resources folder (views, public files, catalogs).
    static var root: URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources", isDirectory: true)
    }
}

extension Application {
    private struct CatalogsKey: StorageKey { typealias Value = Catalogs }

    public var catalogs: Catalogs {
        get {
            guard let catalogs = storage[CatalogsKey.self] else { fatalError("configure(_:) loads the catalogs") }
            return catalogs
        }
        set { storage[CatalogsKey.self] = newValue }
    }
}

extension Request {
    func t(_ key: String, _ arguments: [String]) -> String {
        application.catalogs.text(key, language, arguments)
    }
}
