import SecureReporting
import Testing

@Suite struct DeclaredConflictTests {
    let answers: [String: Answer] = [
        "account": .text("The head of the Licensing Desk, Ñúñez-Díaz, keeps part of the fees."), "amount": .amount(4800), "kind": .choices(["theft"]),
    ]

    @Test func aPartyIsNamedWhateverItsCaseAccentsOrPunctuation() throws {
        #expect(try #require(DeclaredConflict(party: "licensing desk")).isNamed(in: answers))
        #expect(try #require(DeclaredConflict(party: "Nunez Diaz")).isNamed(in: answers))
        #expect(try #require(DeclaredConflict(party: "  NÚÑEZ-DÍAZ ")).isNamed(in: answers))
    }

    @Test func onlyWholeWordsInOrderMatch() throws {
        #expect(try #require(DeclaredConflict(party: "Nune")).isNamed(in: answers) == false, "part of a word is not a name")
        #expect(try #require(DeclaredConflict(party: "desk licensing")).isNamed(in: answers) == false)
        #expect(try #require(DeclaredConflict(party: "theft")).isNamed(in: answers) == false, "a choice's id is not something the reporter wrote")
    }

    @Test func namesTooShortOrTooLongAreRefused() {
        #expect(DeclaredConflict(party: "Li") == nil)
        #expect(DeclaredConflict(party: " - . ") == nil)
        #expect(DeclaredConflict(party: String(repeating: "a", count: 201)) == nil)
    }

    @Test func onlyTheReadersWhoseConflictIsNamedAreKeptOut() throws {
        let declared = ["office": [try #require(DeclaredConflict(party: "port authority"))],
                        "agency": [try #require(DeclaredConflict(party: "Port Authority")), try #require(DeclaredConflict(party: "licensing desk"))]]
        #expect(DeclaredConflict.conflicted(declared, answers: answers) == ["agency"])
        #expect(DeclaredConflict.conflicted(declared, answers: [:]) == [])
    }
}
