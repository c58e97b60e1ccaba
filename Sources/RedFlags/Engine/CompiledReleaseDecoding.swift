/// Decoding a `CompiledRelease` from JSON text without building a tree: each wanted member is read where it stands,
/// every other value is checked for syntax and skipped, so a line is accepted or refused exactly as `JSONParser`
/// would. Each `decode` returns the empty value for JSON of another type.
extension CompiledRelease {
    /// One line: the release, nil when the line is JSON but not an object, or the syntax error.
    static func decode(line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> CompiledRelease? {
        var scanner = JSONScanner(line)
        scanner.skipWhitespace()
        var release: CompiledRelease?
        if scanner.current == UInt8(ascii: "{") { release = try decode(&scanner) } else { try scanner.skipValue() }
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.error(.trailingText) }
        return release
    }

    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> CompiledRelease {
        var release = CompiledRelease()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "ocid": release.ocid = try scanner.stringValue()
            case "buyer": release.buyer = try scanner.memberID()
            case "tender": release.tender = try Tender.decode(&scanner)
            case "bids":
                release.bids = []
                try scanner.members { (scanner, key) throws(JSONSyntaxError) in
                    if case "details" = key { release.bids = try scanner.array(of: Bid.decode) } else { try scanner.skipValue() }
                }
            case "awards": release.awards = try scanner.array(of: Award.decode)
            case "contracts": release.contracts = try scanner.array(of: Contract.decode)
            case "parties": release.parties = try scanner.array(of: Party.decode)
            default: try scanner.skipValue()
            }
        }
        return release
    }
}

extension Tender {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Tender {
        var tender = Tender()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "status": tender.status = try scanner.stringValue()
            case "procurementMethod": tender.procurementMethod = try scanner.stringValue()
            case "procurementMethodDetails": tender.procurementMethodDetails = try scanner.stringValue()
            case "numberOfTenderers": tender.numberOfTenderers = try scanner.numberValue()
            case "procuringEntity": tender.procuringEntity = try scanner.memberID()
            case "datePublished": tender.datePublished = try scanner.date()
            case "tenderPeriod":
                (tender.tenderPeriodStart, tender.tenderPeriodEnd) = (nil, nil)
                try scanner.members { (scanner, key) throws(JSONSyntaxError) in
                    switch key {
                    case "startDate": tender.tenderPeriodStart = try scanner.date()
                    case "endDate": tender.tenderPeriodEnd = try scanner.date()
                    default: try scanner.skipValue()
                    }
                }
            default: try scanner.skipValue()
            }
        }
        return tender
    }
}

extension Bid {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Bid {
        var bid = Bid()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "status": bid.status = try scanner.stringValue()
            case "date": bid.dateValue = try scanner.date()
            case "value": (bid.amount, bid.currency) = try scanner.value()
            case "tenderers": (bid.tenderers, bid.tendererEntries) = try scanner.ids()
            default: try scanner.skipValue()
            }
        }
        return bid
    }
}

extension Award {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Award {
        var award = Award()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "id": award.id = try scanner.identifier()
            case "status": award.status = try scanner.stringValue()
            case "date": award.date = try scanner.date()
            case "value": (award.amount, award.currency) = try scanner.value()
            case "suppliers": (award.suppliers, award.supplierEntries) = try scanner.ids()
            case "items": award.items = try scanner.array(of: Item.decode)
            default: try scanner.skipValue()
            }
        }
        return award
    }
}

extension Item {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Item {
        var item = Item()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "classification":
                (item.classificationScheme, item.classificationID) = (nil, nil)
                try scanner.members { (scanner, key) throws(JSONSyntaxError) in
                    switch key {
                    case "scheme": item.classificationScheme = try scanner.stringValue()
                    case "id": item.classificationID = try scanner.stringValue()
                    default: try scanner.skipValue()
                    }
                }
            case "unit":
                (item.unitAmount, item.unitCurrency) = (nil, nil)
                try scanner.members { (scanner, key) throws(JSONSyntaxError) in
                    if case "value" = key { (item.unitAmount, item.unitCurrency) = try scanner.value() } else { try scanner.skipValue() }
                }
            default: try scanner.skipValue()
            }
        }
        return item
    }
}

extension Contract {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Contract {
        var contract = Contract()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "awardID": contract.awardID = try scanner.identifier()
            case "value": (contract.amount, contract.currency) = try scanner.value()
            case "dateSigned": contract.dateSigned = try scanner.date()
            case "amendments":
                var count = 0
                try scanner.elements { (scanner) throws(JSONSyntaxError) in
                    try scanner.skipValue()
                    count += 1
                }
                contract.isAmended = count > 0
            default: try scanner.skipValue()
            }
        }
        return contract
    }
}

extension Party {
    static func decode(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> Party {
        var party = Party()
        try scanner.members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "id": party.id = try scanner.stringValue()
            case "identifier":
                party.isIdentified = false
                try scanner.members { (scanner, key) throws(JSONSyntaxError) in
                    guard case "id" = key else { return try scanner.skipValue() }
                    switch scanner.current {
                    case UInt8(ascii: "\""): party.isIdentified = !(try scanner.string()).isEmpty
                    case UInt8(ascii: "n"): try scanner.skipValue(); party.isIdentified = false
                    default: try scanner.skipValue(); party.isIdentified = true
                    }
                }
            default: try scanner.skipValue()
            }
        }
        return party
    }
}

/// The OCDS shapes several objects share.
private extension JSONScanner {
    /// An array of objects; elements of another type decode as empty values and still count.
    mutating func array<Element>(of decode: (inout JSONScanner) throws(JSONSyntaxError) -> Element) throws(JSONSyntaxError) -> [Element] {
        var elements: [Element] = []
        try self.elements { (scanner) throws(JSONSyntaxError) in elements.append(try decode(&scanner)) }
        return elements
    }

    /// `id` of an organization reference.
    mutating func memberID() throws(JSONSyntaxError) -> String? {
        var id: String?
        try members { (scanner, key) throws(JSONSyntaxError) in
            if case "id" = key { id = try scanner.stringValue() } else { try scanner.skipValue() }
        }
        return id
    }

    /// `/id` of each organization reference in an array, and how many references there are.
    mutating func ids() throws(JSONSyntaxError) -> (found: [String], entries: Int) {
        var found: [String] = [], entries = 0
        try elements { (scanner) throws(JSONSyntaxError) in
            entries += 1
            if let id = try scanner.memberID() { found.append(id) }
        }
        return (found, entries)
    }

    /// An OCDS `Value`: amount and currency.
    mutating func value() throws(JSONSyntaxError) -> (amount: Double?, currency: String?) {
        var amount: Double?, currency: String?
        try members { (scanner, key) throws(JSONSyntaxError) in
            switch key {
            case "amount": amount = try scanner.numberValue()
            case "currency": currency = try scanner.stringValue()
            default: try scanner.skipValue()
            }
        }
        return (amount, currency)
    }

    mutating func date() throws(JSONSyntaxError) -> ReleaseDate? {
        try withStringBytes { ReleaseDate(bytes: $0) }
    }

    /// An identifier written as a string or as a number.
    mutating func identifier() throws(JSONSyntaxError) -> String? {
        startsNumber ? JSONWriter.number(try number()) : try stringValue()
    }
}
