import Foundation

/// The versioned skills taxonomy. Ids are stable: labels and synonyms may change, ids never do,
/// so profiles and needs that refer to a skill keep working when it is renamed.
public struct SkillsTaxonomy: Sendable, Codable, Equatable {
    public struct Labels: Sendable, Codable, Equatable {
        public var en: String
        public var fr: String
        public var es: String

        public init(en: String, fr: String, es: String) {
            self.en = en
            self.fr = fr
            self.es = es
        }

        public subscript(_ language: SupportedLanguage) -> String {
            switch language {
            case .en: en
            case .fr: fr
            case .es: es
            }
        }

        var all: [String] { [en, fr, es] }
    }

    public struct Group: Sendable, Codable, Equatable {
        public let id: String
        /// Which of the programme's six support areas the group serves, if one.
        public let supportArea: Int?
        public var labels: Labels
    }

    public struct Skill: Sendable, Codable, Equatable {
        public let id: String
        public let group: String
        public var labels: Labels
        /// Other names people use, in any of the three languages.
        public var synonyms: [String]

        public init(id: String, group: String, labels: Labels, synonyms: [String] = []) {
            self.id = id
            self.group = group
            self.labels = labels
            self.synonyms = synonyms
        }
    }

    public let version: Int
    public private(set) var groups: [Group]
    public private(set) var skills: [Skill]

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(String)
        case duplicateID(String)
        case unknownGroup(skill: String, group: String)
        case badID(String)
        case missingLabel(String)
        case unknownSkill(String)

        public var description: String {
            switch self {
            case .unreadable(let reason): "the taxonomy file cannot be read: \(reason)"
            case .duplicateID(let id): "the id \(id) is used twice"
            case .unknownGroup(let skill, let group): "skill \(skill) names the unknown group \(group)"
            case .badID(let id): "the id \(id) must be lower-case letters, digits and hyphens"
            case .missingLabel(let id): "skill \(id) needs a label in English, French and Spanish"
            case .unknownSkill(let id): "there is no skill \(id)"
            }
        }
    }

    public static func decode(_ data: Data) throws(Problem) -> SkillsTaxonomy {
        let taxonomy: SkillsTaxonomy
        do {
            taxonomy = try JSONDecoder().decode(SkillsTaxonomy.self, from: data)
        } catch {
            throw .unreadable(String(describing: error))
        }
        try taxonomy.check()
        return taxonomy
    }

    func check() throws(Problem) {
        var seen: Set<String> = []
        for id in groups.map(\.id) + skills.map(\.id) {
            guard !id.isEmpty, id.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }) else {
                throw .badID(id)
            }
            guard seen.insert(id).inserted else { throw .duplicateID(id) }
        }
        let groupIDs = Set(groups.map(\.id))
        for skill in skills {
            guard groupIDs.contains(skill.group) else { throw .unknownGroup(skill: skill.id, group: skill.group) }
            guard skill.labels.all.allSatisfy({ !$0.trimmingWhitespace().isEmpty }) else { throw .missingLabel(skill.id) }
        }
    }

    public func skill(_ id: String) -> Skill? { skills.first { $0.id == id } }

    /// An administrator's new skill, checked like the file.
    public func adding(_ skill: Skill) throws(Problem) -> SkillsTaxonomy {
        var next = self
        next.skills.append(skill)
        try next.check()
        return next
    }

    /// A new label keeps the id, so every reference to the skill still resolves.
    public func renaming(_ id: String, to labels: Labels, synonyms: [String]? = nil) throws(Problem) -> SkillsTaxonomy {
        guard let index = skills.firstIndex(where: { $0.id == id }) else { throw .unknownSkill(id) }
        var next = self
        next.skills[index].labels = labels
        if let synonyms { next.skills[index].synonyms = synonyms }
        try next.check()
        return next
    }

    /// Administrators' changes over the shipped file, in order: a known id is renamed (its group never moves),
    /// an unknown one is added.
    public func applying(_ edits: [Skill]) throws(Problem) -> SkillsTaxonomy {
        var next = self
        for edit in edits {
            next = next.skill(edit.id) == nil ? try next.adding(edit) : try next.renaming(edit.id, to: edit.labels, synonyms: edit.synonyms)
        }
        return next
    }

    /// An id for a new skill from its English label: lower-case ASCII words joined by hyphens, made unique.
    public func suggestedID(for label: String) -> String {
        let words = Self.fold(label).lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let stem = words.isEmpty ? "skill" : words.joined(separator: "-")
        let taken = Set(groups.map(\.id) + skills.map(\.id))
        var id = stem, n = 2
        while taken.contains(id) {
            id = "\(stem)-\(n)"
            n += 1
        }
        return id
    }

    /// Skills whose label or synonym, in any of the three languages, or id matches the query: exact names first,
    /// then names starting with it, then names containing it. Accents and case do not matter.
    public func search(_ query: String) -> [Skill] {
        let needle = Self.fold(query)
        guard !needle.isEmpty else { return [] }
        var ranked: [(rank: Int, index: Int)] = []
        for (index, skill) in skills.enumerated() {
            let names = (skill.labels.all + skill.synonyms + [skill.id]).map(Self.fold)
            let rank = names.map { name -> Int in
                if name == needle { return 0 }
                if name.hasPrefix(needle) { return 1 }
                if name.split(separator: " ").contains(where: { $0.hasPrefix(needle) }) { return 2 }
                return name.contains(needle) ? 3 : 4
            }.min() ?? 4
            if rank < 4 { ranked.append((rank, index)) }
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map { skills[$0.index] }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingWhitespace()
    }
}
