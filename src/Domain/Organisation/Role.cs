namespace CustomerCare.Domain.Organisation;

/// <summary>What a staff member may do. A member has one or more roles.</summary>
public enum Role
{
    /// <summary>Customer-service representative: takes and works complaints.</summary>
    Agent,

    /// <summary>Leads a department: sees and reassigns its complaints.</summary>
    Supervisor,

    /// <summary>Senior manager: sees and reassigns across departments; handles escalations.</summary>
    Manager,

    /// <summary>Technical support engineer.</summary>
    TechSupport,

    /// <summary>After-sales specialist.</summary>
    AfterSales,

    /// <summary>Customer-relations specialist.</summary>
    CustomerRelations,

    /// <summary>Administrator: manages staff, departments, partners and settings.</summary>
    Admin,
}
