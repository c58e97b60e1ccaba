import Foundation
import Testing
@testable import RedFlags

/// The OCDS merge routine and the reading of uploaded files, by hand and on real publishers' packages.
struct ReleaseMergeTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    /// Key order carries no meaning in JSON; the comparison ignores it.
    static func sorted(_ value: JSONValue) -> JSONValue { JSONParserTests.sorted(value) }

    static func sample(_ name: String) -> [UInt8]? {
        try? Array(Data(contentsOf: shared.appendingPathComponent("ocds-samples/\(name)")))
    }

    @Test func rulesAreThoseOfTheOCDS114Schema() throws {
        guard let data = try? Data(contentsOf: Self.shared.appendingPathComponent("release-schema-1__1__4.json")) else { return }
        let derived = MergeRules(schema: try JSONParser.parse(data))
        #expect(derived.omitted == MergeRules.ocds114.omitted)
        #expect(derived.wholeList == MergeRules.ocds114.wholeList)
    }

    @Test func laterReleasesWinFieldByFieldInDateOrder() throws {
        let later = try Self.json(#"{"ocid":"A","id":"2","date":"2024-02-01","tag":["award"],"tender":{"title":"New","value":null},"awards":[{"id":"1","status":"active"},{"id":2}]}"#)
        let earlier = try Self.json(#"{"ocid":"A","id":"1","date":"2024-01-01","tag":["tender"],"tender":{"title":"Old","value":{"amount":5},"status":"active"},"awards":[{"id":"1","status":"pending","date":"x"},{"id":"2","status":"pending"}]}"#)
        let compiled = ReleaseMerge.compile([later, earlier])
        let expected = try Self.json(#"{"tag":["compiled"],"id":"A-2024-02-01","date":"2024-02-01","ocid":"A","tender":{"title":"New","status":"active"},"awards":[{"id":"1","status":"active","date":"x"},{"id":2,"status":"pending"}]}"#)
        #expect(compiled == expected, "a null removes a field; ids merge, 2 and \"2\" alike; id, date and tag are the compiled release's own")
    }

    @Test func arraysWithoutIdentifiersOrMarkedWholeAreReplacedOrAppended() throws {
        let first = try Self.json(#"{"ocid":"A","date":"1","parties":[{"id":"P","additionalIdentifiers":[{"id":"X"},{"id":"Y"}],"roles":["buyer","payer"]}],"documents":[{"title":"no id"}]}"#)
        let second = try Self.json(#"{"ocid":"A","date":"2","parties":[{"id":"P","additionalIdentifiers":[{"id":"Z"}],"roles":["buyer"]}],"documents":[{"title":"no id"}]}"#)
        let compiled = ReleaseMerge.compile([first, second])
        #expect(try compiled["parties"]?.array?.first?["additionalIdentifiers"] == Self.json(#"[{"id":"Z"}]"#), "wholeListMerge replaces")
        #expect(try compiled["parties"]?.array?.first?["roles"] == Self.json(#"["buyer"]"#), "lists of strings replace")
        #expect(compiled["documents"]?.array?.count == 2, "objects without id are appended, as the reference implementation does")
        let duplicated = ReleaseMerge.compile([try Self.json(#"{"ocid":"A","date":"1","awards":[{"id":"1","a":1},{"id":"1","b":2}]}"#)])
        #expect(try duplicated["awards"] == Self.json(#"[{"id":"1","a":1,"b":2}]"#))
    }

    /// The packages' own compiled releases were made under OCDS 1.0 rules (organizations without ids merged whole,
    /// nulls kept), so they are no oracle for 1.1.4; what must hold on real data is that the latest release wins
    /// every literal it states and that nothing an earlier release stated is lost.
    @Test func mergingRealPackagesKeepsTheLatestValueOfEveryField() throws {
        var compared = 0
        for name in ["release-package_split.json", "release-package-1-2.json", "record-package_package.json", "release-package_1.1-1.json"] {
            guard let bytes = Self.sample(name) else { continue }
            var byOcid: [String: [JSONValue]] = [:]
            for line in bytes.split(separator: 0x0A) {
                let document = try JSONParser.parse(line)
                let releases = document["releases"]?.array ?? (document["records"]?.array ?? []).flatMap { $0["releases"]?.array ?? [] }
                for release in releases { byOcid[release["ocid"]?.string ?? "", default: []].append(release) }
            }
            let set = CompiledReleaseSet(bytes: bytes)
            #expect(set.problems.isEmpty, "\(name)")
            for compiled in set.releases where set.forms == [.releasePackage] {
                let ocid = try #require(compiled["ocid"]?.string)
                let releases = try #require(byOcid[ocid]).sorted { ($0["date"]?.string ?? "") < ($1["date"]?.string ?? "") }
                #expect(compiled["date"] == releases.last?["date"] && compiled["tag"] == .array([.string("compiled")]))
                for (path, value) in Self.literals(releases.last!) where !["id", "date", "tag"].contains(path[0]) {
                    #expect(Self.value(compiled, path) == value, "\(name) \(path.joined(separator: "/"))")
                }
                for release in releases {
                    for (path, _) in Self.literals(release) where !["id", "date", "tag"].contains(path[0]) {
                        let overwritten = releases.drop { $0 != release }.dropFirst().contains { Self.value($0, path) == .null }
                        #expect(overwritten || Self.value(compiled, path) != nil, "\(name) \(path.joined(separator: "/")) was lost")
                    }
                }
                compared += 1
            }
        }
        if FileManager.default.fileExists(atPath: Self.shared.path) { #expect(compared >= 3) }
    }

    /// Literal values reached through objects only, with their paths.
    static func literals(_ value: JSONValue, _ path: [String] = []) -> [([String], JSONValue)] {
        guard case .object(let members) = value else { return [] }
        return members.flatMap { key, child -> [([String], JSONValue)] in
            switch child {
            case .object: literals(child, path + [key])
            case .array, .null: []
            default: [(path + [key], child)]
            }
        }
    }

    static func value(_ root: JSONValue, _ path: [String]) -> JSONValue? {
        path.reduce(Optional(root)) { $0?[$1] }
    }

    @Test func releasePackagesAreMergedByOcid() throws {
        guard let bytes = Self.sample("release-package-1-2.json") else { return }
        let set = CompiledReleaseSet(bytes: bytes)
        #expect(set.forms == [.releasePackage] && set.problems.isEmpty && set.mergedReleases == 4)
        #expect(set.releases.count == 2 && Set(set.releases.compactMap { $0["ocid"]?.string }).count == 2)
        #expect(set.releases.allSatisfy { $0["tag"] == .array([.string("compiled")]) })
        // Two packages on two lines, one process each.
        let split = CompiledReleaseSet(bytes: try #require(Self.sample("release-package_split.json")))
        #expect(split.releases.count == 2 && split.mergedReleases == 4)
    }

    @Test func recordPackagesGiveTheirCompiledReleases() throws {
        guard let bytes = Self.sample("record-package_linked-releases.json") else { return }
        let set = CompiledReleaseSet(bytes: bytes)
        #expect(set.forms == [.recordPackage] && set.problems.isEmpty && set.releases.count == 2 && set.mergedReleases == 0)
        let lines = try #require(String(bytes: set.jsonLines, encoding: .utf8)).split(separator: "\n")
        let first = try JSONParser.parse(Array(lines[0].utf8))
        #expect(lines.count == 2 && first["ocid"]?.string == "OCDS-87SD3T-AD-SF-DRM-063-2015")
    }

    @Test func aLatin1FileReadsAsItsUTF8Twin() throws {
        guard let latin = Self.sample("release-package_encoding-iso-8859-1.json"), let utf8 = Self.sample("release-package_encoding-utf-8.json") else { return }
        let fromLatin = CompiledReleaseSet(bytes: latin), fromUTF8 = CompiledReleaseSet(bytes: utf8)
        #expect(fromLatin.readAsLatin1 && !fromUTF8.readAsLatin1)
        #expect(fromLatin.releases == fromUTF8.releases && !fromLatin.releases.isEmpty)
    }

    @Test func everyProblemIsReportedWithItsLine() throws {
        let text = """
        {"ocid":"A","tender":{}}
        {"ocid":
        {"releases":[{"ocid":"B"},{"date":"2024"},{"ocid":"B","date":"2024"}]}

        {"records":[{"ocid":"C","releases":[{"url":"http://example.org/1.json"}]}]}
        {"hello":1}
        """
        let set = CompiledReleaseSet(bytes: Array(text.utf8))
        let syntax = try #require(Self.syntaxError(#"{"ocid":"#))
        #expect(set.problems.map(\.description) == [
            "line 2: not valid JSON (\(syntax))",
            "line 3: release 1 (B): no date, so it cannot be put in order to merge",
            "line 3: release 2: no ocid",
            "line 5: record 1: no compiled release, and its releases are only linked",
            "line 6: neither a release (no ocid), a release package nor a record package",
        ])
        #expect(set.releases.map { $0["ocid"]?.string } == ["A", "B"] && set.forms == [.compiledReleases, .releasePackage, .recordPackage])
    }

    static func syntaxError(_ text: String) -> String? {
        do { _ = try JSONParser.parse(Array(text.utf8)) } catch { return error.description }
        return nil
    }
}

struct OrganizationNamesTests {
    @Test func partiesNameOrganizationsBeforeReferencesDo() throws {
        var names = OrganizationNames()
        names.add(try JSONParser.parse(Array(#"""
        {"buyer":{"id":"B","name":"Ministry (reference)"},"parties":[{"id":"B","name":" Ministry of Health "},{"id":"X","name":""}],
         "bids":{"details":[{"tenderers":[{"id":"T","name":"Tenderer Ltd"},{"id":"X","name":"Named on a bid"}]}]},
         "awards":[{"suppliers":[{"id":"S","name":"Supplier SA"},{"name":"no id"}]}]}
        """#.utf8)))
        names.add(try JSONParser.parse(Array(#"{"parties":[{"id":"T","name":"Tenderer Limited"}],"awards":[{"suppliers":[{"id":"S","name":"Later"}]}]}"#.utf8)))
        #expect(names.byID == ["B": "Ministry of Health", "X": "Named on a bid", "T": "Tenderer Limited", "S": "Supplier SA"])
        #expect(names.restricted(to: ["B", "nope"]) == ["B": "Ministry of Health"])
    }
}
