/// A compiled release as the indicators read it: only the fields they use, typed. It is decoded straight from the
/// line's bytes with the lookup rules of a JSON tree: a member of another type reads as absent, an array of another
/// type as empty, and of duplicated names the last counts (as in serde_json, so as in cardinal).
public struct CompiledRelease: Sendable, Equatable {
    public var ocid: String?
    /// `/buyer/id`.
    public var buyer: String?
    var tender = Tender()
    /// `/bids/details`.
    var bids: [Bid] = []
    var awards: [Award] = []
    var contracts: [Contract] = []
    var parties: [Party] = []
}

struct Tender: Sendable, Equatable {
    var status: String?
    var procurementMethod: String?
    var procurementMethodDetails: String?
    var numberOfTenderers: Double?
    /// `/tender/procuringEntity/id`.
    var procuringEntity: String?
    var datePublished: ReleaseDate?
    var tenderPeriodStart: ReleaseDate?
    var tenderPeriodEnd: ReleaseDate?
}

/// A date string read once: as an instant (full RFC 3339 date-time only) and as the calendar day it starts with.
struct ReleaseDate: Sendable, Equatable {
    let seconds: Double?
    let day: Int?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        seconds = Timestamp.seconds(bytes: bytes)
        day = Timestamp.day(bytes: bytes)
    }
}

/// A bid is *submitted* if it has a status other than invited or withdrawn, as cardinal counts them (so an unmapped
/// code such as "Qualified" counts; `prepare` maps codes first); *valid* means qualified.
struct Bid: Sendable, Equatable {
    var status: String?
    /// Identifiers of the tenderers that have one.
    var tenderers: [String] = []
    /// Entries in `tenderers`, with or without an identifier.
    var tendererEntries = 0
    var dateValue: ReleaseDate?
    var amount: Double?
    var currency: String?

    var isSubmitted: Bool { status.map { $0 != "invited" && $0 != "withdrawn" } ?? false }
    var isValid: Bool { status == "valid" }
    var isDisqualified: Bool { status == "disqualified" }
    var date: Double? { dateValue?.seconds }
    /// The one tenderer, when the bid lists exactly one and it has an identifier.
    var soleTenderer: String? { tendererEntries == 1 ? tenderers.first : nil }
}

struct Award: Sendable, Equatable {
    /// A string, or a number written as JSON writes it (publishers use both).
    var id: String?
    var status: String?
    /// Identifiers of the suppliers that have one.
    var suppliers: [String] = []
    /// Entries in `suppliers`, with or without an identifier.
    var supplierEntries = 0
    var date: ReleaseDate?
    var amount: Double?
    var currency: String?
    var items: [Item] = []

    /// Pending, or a status outside the codelist (cardinal's "invalid"): the outcome may still change, so indicators
    /// about winners leave the process out. An award without a status does not count against the process.
    var isUndecided: Bool { status.map { !Self.finalStatuses.contains($0) } ?? false }
    static let finalStatuses: Set<String> = ["active", "cancelled", "unsuccessful"]
    /// The one supplier, when the award lists exactly one and it has an identifier.
    var soleSupplier: String? { supplierEntries == 1 ? suppliers.first : nil }
}

struct Item: Sendable, Equatable {
    var classificationScheme: String?
    var classificationID: String?
    /// `/unit/value`.
    var unitAmount: Double?
    var unitCurrency: String?
}

struct Contract: Sendable, Equatable {
    var awardID: String?
    var amount: Double?
    var currency: String?
    var dateSigned: ReleaseDate?
    /// At least one amendment.
    var isAmended = false
}

struct Party: Sendable, Equatable {
    var id: String?
    /// `/identifier/id` is present, not null and not empty.
    var isIdentified = false
}
