/// Whether an organisation is a public body or a company.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case publicBody = "public_body"
    case company
}

public enum PublicBodyType: String, CaseIterable, Codable, Sendable {
    case antiCorruptionAgency = "anti_corruption_agency"
    case supremeAuditInstitution = "supreme_audit_institution"
    case lawEnforcement = "law_enforcement"
    case ministryOrRegulator = "ministry_or_regulator"
    case other
}

public enum Jurisdiction: String, CaseIterable, Codable, Sendable {
    case national, subnational, local, international
}

public enum Sector: String, CaseIterable, Codable, Sendable {
    case technology
    case financialServices = "financial_services"
    case consulting
    case telecommunications
    case energy
    case healthcare
    case manufacturing
    case legalServices = "legal_services"
    case other
}
