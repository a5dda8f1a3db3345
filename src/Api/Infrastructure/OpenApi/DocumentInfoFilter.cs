using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// What the document says about itself: the server as a relative base (the origin the contract was fetched from, so
/// that Swagger UI and generated clients call the deployment they read it from), the licence, and what each tag holds.
/// </summary>
public sealed class DocumentInfoFilter : IDocumentFilter
{
    public const string LicenceName = "Proprietary: CustomerCare customers and their partners may use this contract and clients generated from it to call CustomerCare";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Audit"] = "The personal-data access log: who read, exported, changed, merged or erased which customer. Administrators only.",
        ["Auth"] = "Staff sign-in (a short-lived bearer token), the signed-in caller, sign-out and password changes.",
        ["Care tasks"] = "Follow-up calls and visits after a complaint or for a customer, with due times, outcomes and rescheduling.",
        ["Complaints"] = "Complaints as a state machine (received → registered → investigated → solution → resolved → closed, with reopening and re-complaints), their SLA clocks, timeline, transfers, notes, imports and the change feed. Changes need If-Match with the ETag read.",
        ["Customers"] = "Customers' protected personal data: records, contact points, consent, the 360° view, export, merging and erasure.",
        ["Categories"] = "Complaint categories administrators keep, with names in English and Simplified Chinese and the department each routes to.",
        ["Attachments"] = "Files of evidence on a complaint (photos, screenshots, invoices, call recordings): streamed in and out, typed by their bytes, erased with the customer.",
        ["Customer grades"] = "The grades customers are given (standard, key, VIP, …); a key grade gives its customers' complaints shorter targets.",
        ["Causes"] = "The cause taxonomy investigations code their findings by; reports and hotspots group by it.",
        ["Calendars"] = "Named business calendars (hours, holidays and make-up days per year) that departments work by and SLA clocks run on.",
        ["Departments"] = "The department tree complaints are routed through.",
        ["Events"] = "The change feed of complaint events for polling clients and partners (webhooks push the same events).",
        ["Incidents"] = "Mass-fault incidents (network outages, faulty product batches): the complaints traced to one, their counts and clocks, and resolving them all at once.",
        ["Improvement actions"] = "Corrective and preventive actions (ISO 10002 §8.7): owner, due day, what they answer, progress, and an effect review comparing complaint rates before and after.",
        ["Feedback"] = "Suggestions, praise, questions and ideas customers give, and how they were answered.",
        ["Partners"] = "Partner systems that push complaints and receive webhooks, and their API keys.",
        ["Reference data"] = "Display names in English and Simplified Chinese for the values front ends show: categories, channels, severities, statuses, actions.",
        ["Reports"] = "Service-quality reports over a period: volumes, SLA compliance, satisfaction, open breaches, as JSON or CSV. A computed period report is served again for a few seconds (15 by default) and recomputed after: it may be up to twice that behind the latest changes. Open breaches are always counted live.",
        ["Settings"] = "The default business calendar, the SLA policies the clocks run on, and notifications.",
        ["Staff"] = "Staff members, their roles and departments, invitations and deactivation.",
        ["Survey responses"] = "What a customer opens from a survey invitation: the questions, and the answers sent back. No sign-in: the invitation's token is the credential.",
        ["Surveys"] = "Satisfaction survey templates, campaigns, invitations and their analysis.",
        ["Complaint status"] = "Customers look up their own complaint without an account: complaint number and phone or e-mail, then a one-time code.",
        ["Notification templates"] = "The e-mail, text-message and robot texts notifications are rendered from, per event and language; administrators edit and preview them.",
        ["Webhooks"] = "Subscriptions to complaint events delivered to partner or staff endpoints, signed, retried, and re-sendable when dead.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The deployment this contract was read from, production, staging or local alike (a relative base: the same origin).",
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
                {
                    ["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(false)), // public: partners call it too
                },
            },
        ];
        document.Info.License = new OpenApiLicense { Name = LicenceName };
        document.Tags = new HashSet<OpenApiTag>(
            (document.Tags?.AsEnumerable() ?? []).Select(t => t.Name).OfType<string>().Order(StringComparer.Ordinal)
                .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));
    }
}
