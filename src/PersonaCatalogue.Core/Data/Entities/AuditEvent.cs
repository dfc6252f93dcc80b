namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>One staff action: when, who, what, on what, with the changed values as JSON.</summary>
public class AuditEvent
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public required string UserEmail { get; set; }
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public required string TargetKey { get; set; }
    public string Details { get; set; } = "{}";
}
