import ExchangeCore
import BeneficialOwnership
import Foundation
import Vapor

/// The Ownership module's measured bars (docs/benchmarks.md): the ultimate owners of every company in a large
/// generated graph, with the process's peak memory; reading and checking BODS statements; and importing them into the
/// configured database, which should be a fresh one.
public struct OwnershipBenchmark: Sendable, Encodable {
    public let entities: Int
    public let people: Int
    public let relationships: Int
    public let cycles: Int
    public let buildSeconds: Double
    public let ownersSeconds: Double
    public let holdings: Int
    public let peakResidentMiB: Double
    public let statementsRead: Int
    public let readSeconds: Double
    public let readPerSecond: Double
    public let statementsImported: Int
    public let importSeconds: Double
    public let importPerSecond: Double

    public static func run(_ app: Application, entities: Int, relationships: Int, statements: Int, imported: Int) async throws -> OwnershipBenchmark {
        let people = entities / 4
        var generator = SystemRandomNumberGenerator()
        let started = ContinuousClock.now
        var graph = OwnershipGraph()
        for index in 0..<entities { graph.add("e\(index)", kind: .entity(unspecified: nil)) }
        for index in 0..<people { graph.add("p\(index)", kind: .person(unspecified: nil)) }
        var cycles = 0
        for index in 0..<relationships {
            // Mostly upward chains (an entity owned by a later one, or by a person), a few cycles back down.
            let subject = Int.random(in: 0..<entities, using: &generator)
            let backward = index % 1_000 == 0 && subject > 0
            cycles += backward ? 1 : 0
            let owner = backward ? "e\(Int.random(in: 0..<subject, using: &generator))"
                : (Bool.random(using: &generator) || subject == entities - 1) ? "p\(Int.random(in: 0..<people, using: &generator))"
                : "e\(Int.random(in: (subject + 1)..<entities, using: &generator))"
            let low = Double(Int.random(in: 1...60, using: &generator)) / 100
            let share = index % 5 == 0 ? ShareRange(minimum: low, maximum: min(1, low + 0.25)) : ShareRange(exactly: low)
            graph.relate(id: "r\(index)", subject: "e\(subject)", owner: .record(owner), interests: [Interest(type: "shareholding", share: share)])
        }
        let built = ContinuousClock.now
        let sampler = ResidentSampler()
        let sampling = Task { await sampler.sample() }
        var owners = UltimateOwners(graph: graph)
        let holdings = owners.computeAll()
        let computed = ContinuousClock.now
        sampling.cancel()
        let peak = max(await sampling.value, ResidentSampler.resident())

        let text = Self.statements(statements)
        let schema = app.bodsSchema
        let readStart = ContinuousClock.now
        let read = BODSReader.read(Array(text.utf8), schema: schema, context: .init(today: CalendarDate(Date()).description))
        let readTime = (ContinuousClock.now - readStart).seconds
        guard read.problems.isEmpty else { throw Platform.CommandError(description: "generated statements refused: \(read.problems.prefix(3))") }

        let importText = Self.statements(imported)
        let importStart = ContinuousClock.now
        let outcome = try await app.registry.ownershipImports.importStatements(Array(importText.utf8), fileName: "bench.jsonl", digest: "bench",
                                                                           actor: .system("bench"), userID: nil)
        let importTime = (ContinuousClock.now - importStart).seconds
        return OwnershipBenchmark(
            entities: entities, people: people, relationships: relationships, cycles: cycles, buildSeconds: (built - started).seconds,
            ownersSeconds: (computed - built).seconds, holdings: holdings, peakResidentMiB: peak, statementsRead: read.statements.count,
            readSeconds: readTime, readPerSecond: Double(read.statements.count) / readTime, statementsImported: outcome.added,
            importSeconds: importTime, importPerSecond: Double(outcome.added) / importTime)
    }

    /// A chain file: each company owned by the next and by a person, as a publisher would write it (JSON Lines).
    static func statements(_ count: Int) -> String {
        var lines: [String] = []
        lines.reserveCapacity(count)
        let header = { (record: String, type: String, subject: String) in
            #""statementId":"\#(String((record + "-bench-statement-" + String(repeating: "0", count: 32)).prefix(40)))","statementDate":"2026-01-15","recordId":"\#(record)","recordType":"\#(type)","recordStatus":"new","declarationSubject":"\#(subject)""#
        }
        var index = 0
        while lines.count < count {
            let company = "bench-c\(index)", person = "bench-p\(index)"
            lines.append(#"{\#(header(company, "entity", company)),"recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Company \#(index)","identifiers":[{"scheme":"GB-COH","id":"\#(10_000_000 + index)"}]}}"#)
            lines.append(#"{\#(header(person, "person", person)),"recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"type":"legal","fullName":"Person \#(index)"}]}}"#)
            lines.append(#"{\#(header("bench-r\(index)", "relationship", company)),"recordDetails":{"isComponent":false,"subject":"\#(company)","interestedParty":"\#(person)","interests":[{"type":"shareholding","share":{"exact":60},"beneficialOwnershipOrControl":true}]}}"#)
            index += 1
        }
        return lines.prefix(count).joined(separator: "\n") + "\n"
    }
}
