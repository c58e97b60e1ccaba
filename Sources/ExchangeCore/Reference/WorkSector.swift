/// A sector of public life an expert has worked in, or that a need concerns. Matching scores a shared sector;
/// this is distinct from a company's own industry (`Sector`).
public enum WorkSector: String, CaseIterable, Codable, Sendable {
    case publicAdministration = "public_administration"
    case publicProcurement = "public_procurement"
    case publicFinance = "public_finance"
    case justice
    case lawEnforcement = "law_enforcement"
    case health
    case education
    case infrastructure
    case extractives
    case financialServices = "financial_services"
    case digitalServices = "digital_services"
    case socialProtection = "social_protection"
    case environment
    case internationalDevelopment = "international_development"
}
