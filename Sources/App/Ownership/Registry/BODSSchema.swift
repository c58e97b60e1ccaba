import BeneficialOwnership
import FastJSON
import Foundation
import Vapor

/// The BODS 0.4 JSON Schema, as the standard publishes it, loaded once from the bundle.
enum BODSSchema {
    static func load() throws -> JSONSchemaSet {
        let folder = ResourceLocation.root.appendingPathComponent("BODS/0.4", isDirectory: true)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        return JSONSchemaSet(documents: try files.map { try JSONParser.parse(Array(Data(contentsOf: $0))) })
    }
}

extension Application {
    private struct BODSSchemaKey: StorageKey { typealias Value = JSONSchemaSet }

    var bodsSchema: JSONSchemaSet {
        get {
            guard let schema = storage[BODSSchemaKey.self] else { fatalError("configure(_:) loads the BODS schema") }
            return schema
        }
        set { storage[BODSSchemaKey.self] = newValue }
    }
}
