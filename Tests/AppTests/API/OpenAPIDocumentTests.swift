@testable import App
import Foundation
import XCTest

/// The API description is built from the route table and the Swift types; these tests pin what that derivation gives.
final class OpenAPIDocumentTests: XCTestCase {
    func testTheDocumentBuildsFromTheTableAndTheTypes() throws {
        let document = try OpenAPIDocument.build(serverURL: "http://localhost")
        XCTAssertEqual(document["openapi"], "3.1.0")
    }
}

