using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, mapping profiles and pipeline settings. The mediator itself is generated and
    /// registered by the composition root (the source generator runs in the outermost project).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        // Validators are stateless (their dependencies are singletons): built once, not per request, since building one
        // compiles its rules' expressions.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddAutoMapper(options =>
        {
            // AutoMapper 15+ is dual licensed (RPL-1.5 or commercial). A key, when the operator has one, comes
            // from configuration; without it AutoMapper runs and logs a licence notice.
            options.LicenseKey = configuration["CustomerCare:AutoMapper:LicenseKey"];
        }, typeof(DependencyInjection).Assembly);
        services.AddOptions<MediatorPipelineOptions>().Bind(configuration.GetSection(MediatorPipelineOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordPolicyOptions>().Bind(configuration.GetSection(PasswordPolicyOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplaintOptions>().Bind(configuration.GetSection(ComplaintOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CareOptions>().Bind(configuration.GetSection(CareOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection(IncidentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImprovementOptions>().Bind(configuration.GetSection(ImprovementOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.AllowedTypes.All(t => Attachments.FileSignatures.Known.Contains(t, StringComparer.OrdinalIgnoreCase)),
                $"CustomerCare:Attachments:AllowedTypes may name only types told by their first bytes: {string.Join(", ", Attachments.FileSignatures.Known)}.")
            .Validate(o => !o.S3.IsConfigured || (Uri.TryCreate(o.S3.ServiceUrl, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(o.S3.Bucket)
                    && !string.IsNullOrWhiteSpace(o.S3.AccessKey) && !string.IsNullOrWhiteSpace(o.S3.SecretKey)),
                "CustomerCare:Attachments:S3 needs an absolute ServiceUrl, a Bucket, an AccessKey and a SecretKey.")
            .ValidateOnStart();
        services.AddOptions<RewardOptions>().Bind(configuration.GetSection(RewardOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SurveyOptions>().Bind(configuration.GetSection(SurveyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Common.Behaviours.QueryAdmission>();
        services.AddSingleton<Complaints.Queries.ListComplaints.CompiledComplaintLists>();
        services.AddScoped<Reports.ReportScopes>();
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<Surveys.SurveyInviter>();
        services.AddScoped<Notifications.CustomerNotifier>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
