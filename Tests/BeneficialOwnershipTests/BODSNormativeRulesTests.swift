import Testing
@testable import BeneficialOwnership

struct BODSNormativeRulesTests {
    static func rules(_ lines: [String], context: BODSNormativeRules.Context = Fixtures.today) -> [String] {
        Fixtures.read(lines.joined(separator: "\n"), context: context).problems.map(\.rule)
    }

    @Test func refusesDatesThatCannotBe() {
        let future = Fixtures.entity("c1", name: "A").replacingOccurrences(of: "2024-01-15", with: "2027-01-01")
        #expect(Self.rules([future]) == ["statement_date_is_future_date"])
        let born = Fixtures.person("p1", name: "B", extra: #","birthDate":"1790-05-01""#)
        #expect(Self.rules([born]) == ["statement_person_birth_date_too_far_in_past"])
        let dead = Fixtures.person("p1", name: "B", extra: #","birthDate":"1900-05-01","deathDate":"1899-01-01""#)
        #expect(Self.rules([dead]) == ["statement_person_death_date_not_sensible_value"])
        let dissolved = Fixtures.entity("c1", name: "A", extra: #","foundingDate":"2020-01-01","dissolutionDate":"2019-01-01""#)
        #expect(Self.rules([dissolved]) == ["statement_entity_dissolution_before_founding_date"])
    }

    @Test func refusesSharesThatContradictThemselves() {
        let lines = { (share: String) in [Fixtures.entity("c1", name: "A"), Fixtures.person("p1", name: "B"),
                                          Fixtures.relationship("r1", subject: "c1", owner: "p1", share: share)] }
        #expect(Self.rules(lines(#"{"exact":30,"minimum":20}"#)) == ["statement_relationship_interests_exact_has_min_max"])
        #expect(Self.rules(lines(#"{"minimum":40,"maximum":20}"#)) == ["statement_relationship_interests_not_exact_max_greater_than_min"])
        #expect(Self.rules(lines(#"{"minimum":20,"maximum":20}"#)) == ["statement_relationship_interests_exact_max_equals_min"])
        #expect(Self.rules(lines(#"{"maximum":20,"exclusiveMaximum":30}"#)) == ["statement_relationship_interests_share_max_and_exclusivemax"])
        #expect(Self.rules(lines(#"{"minimum":20,"maximum":30}"#)) == [])
    }

    @Test func checksReferencesTheirKindAndOrder() {
        let entity = Fixtures.entity("c1", name: "A"), person = Fixtures.person("p1", name: "B")
        #expect(Self.rules([entity, person, Fixtures.relationship("r1", subject: "p1", owner: "c1")]) == ["subject_can_only_refer_to_entity"])
        #expect(Self.rules([entity, Fixtures.relationship("r1", subject: "c1", owner: "p1"), person])
                    == ["relationship_interested_party_not_before_relationship_in_dataset"])
        #expect(Self.rules([entity, Fixtures.relationship("r1", subject: "c1", owner: "p9")]) == ["interested_party_must_be_record_id"])
        let held = BODSNormativeRules.Context(today: "2026-12-07", held: [
            "p9": .init(recordType: .person, entityType: nil, series: [("p9-statement", "2024-01-01", .new)]),
        ])
        #expect(Self.rules([entity, Fixtures.relationship("r1", subject: "c1", owner: "p9")], context: held) == [],
                "a record held from an earlier file may be referred to")
        let company = Fixtures.entity("c2", name: "C")
        let beneficial = Fixtures.relationship("r2", subject: "c1", owner: "c2")
            .replacingOccurrences(of: #""type":"shareholding""#, with: #""type":"shareholding","beneficialOwnershipOrControl":true"#)
        #expect(Self.rules([entity, company, beneficial]) == ["interest_beneficial_ownership_interested_party_not_person"])
    }

    @Test func keepsRecordSeriesInOrder() {
        let first = Fixtures.entity("c1", name: "A")
        let second = first.replacingOccurrences(of: Fixtures.statementID("ec1"), with: Fixtures.statementID("ec1-second"))
            .replacingOccurrences(of: "2024-01-15", with: "2024-06-01")
        #expect(Self.rules([first, second]) == ["multiple_statements_in_series_with_record_status_new"])
        let update = second.replacingOccurrences(of: #""recordStatus":"new""#, with: #""recordStatus":"updated""#)
        #expect(Self.rules([first, update]) == [])
        let held = BODSNormativeRules.Context(today: "2026-12-07", held: [
            "c1": .init(recordType: .entity, entityType: "registeredEntity/", series: [(Fixtures.statementID("ec1"), "2024-01-15", .new)]),
        ])
        #expect(Self.rules([first], context: held) == [], "the same statement sent again is not a second one")
        #expect(Self.rules([second], context: held) == ["multiple_statements_in_series_with_record_status_new"])
    }
}
