using System.Text.Json.Serialization;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Api.Infrastructure.Localization;
using CustomerCare.Api.Infrastructure.Logging;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Application.Common.Serialization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.OpenApi;

namespace CustomerCare.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        // The mediator is generated in this, the outermost project. Scoped, because handlers use the scoped DbContext.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Domain.Common.Entity), typeof(Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(AdmissionBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
                typeof(ReadBehaviour<,>),
            ];
        });

        services.AddCustomerCareSecurity(configuration);
        services.AddWebSecurity(configuration);
        services.AddRequestLimits(configuration);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            ProblemTypes.Apply(context.ProblemDetails);
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => AuthenticationProblemDetail(context.HttpContext),
                StatusCodes.Status403Forbidden =>
                    "You are signed in, but your role does not allow this operation.",
                _ => null,
            };

            // Titles and the API's fixed details in the caller's language; the exception handler cleared the headers.
            context.ProblemDetails.Title = ApiLocalization.Translate(context.ProblemDetails.Title);
            context.ProblemDetails.Detail = ApiLocalization.Translate(context.ProblemDetails.Detail);
            context.HttpContext.Response.Headers.ContentLanguage = System.Globalization.CultureInfo.CurrentUICulture.Name;
        });
        services.AddApiLocalization();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>(); // after the framework's JSON writer
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // Malformed bodies and unbindable parameters throw, so that the exception handler answers them
        // as problem details in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new RejectControlCharacters());
        });

        services.AddSecretRedaction();
        services.AddRequestLogLevel(configuration);
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = configuration.GetValue("CustomerCare:ShutdownTimeout", TimeSpan.FromSeconds(30)));

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CustomerCare API",
                Version = "v1",
                Description = "Complaint handling and customer care: complaints as a state machine with SLA clocks, " +
                    "customers, surveys, feedback, care tasks and service-quality reports. Errors are RFC 9457 " +
                    "problem details (application/problem+json), one schema per kind, told apart by `type` (a page at that path describes each). " +
                    "Texts for people (problem titles, validation messages) follow Accept-Language: English by default, Simplified Chinese " +
                    "for zh, zh-CN or zh-Hans; Content-Language names the one used.",
            });
            options.AddSecurityDefinition(SecurityRequirementsOperationFilter.BearerDefinition, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Staff: the accessToken from POST /api/v1/auth/token, a JWT issued and validated as RFC8725 (JSON Web Token Best Current Practices) advises: one algorithm (HS256) accepted, never none; issuer, audience, expiry and signature always checked; short-lived, and revoked with the session. " +
                    "Operations open to staff and partners list both schemes as alternatives: configure a client with the one you hold; a request carrying both is refused with 400.",
            });
            options.AddSecurityDefinition(SecurityRequirementsOperationFilter.ApiKeyDefinition, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = CustomerCareSchemes.ApiKeyHeader,
                Description = "Partner systems: an API key issued by an administrator (POST /api/v1/partners/{id}/keys). Send it alone: a request that also carries an Authorization header is refused with 400.",
            });
            options.SupportNonNullableReferenceTypes();
            options.OperationFilter<SecurityRequirementsOperationFilter>();
            options.OperationFilter<IdempotencyKeyOperationFilter>();
            options.OperationFilter<HttpHeadersOperationFilter>();
            options.OperationFilter<ImportRequestBodyOperationFilter>();
            options.OperationFilter<AttachmentOperationFilter>();
            options.OperationFilter<CsvReportOperationFilter>();
            options.ParameterFilter<EnumQueryParameterFilter>();
            options.SchemaFilter<OpenApiExamples>();
            options.SchemaFilter<ItemLimitsSchemaFilter>();
            options.SchemaFilter<ValidatorLimitsSchemaFilter>();
            options.SchemaFilter<RequiredPropertiesFilter>();
            options.DocumentFilter<ProblemSchemasDocumentFilter>();
            options.DocumentFilter<WebhookEventTypesDocumentFilter>();
            options.DocumentFilter<CommonResponsesDocumentFilter>();
            options.DocumentFilter<FormatLengthsDocumentFilter>();
            options.DocumentFilter<RequiredPropertiesFilter>();
            options.DocumentFilter<DocumentInfoFilter>();
        });

        return services;
    }

    private static string AuthenticationProblemDetail(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || context.Request.Headers.ContainsKey(CustomerCareSchemes.ApiKeyHeader)
            ? "The credentials sent were not accepted: the token is invalid, expired or its session ended, or the API key is unknown, revoked or expired."
            : "Authentication is required: send 'Authorization: Bearer <token>' (from POST /api/v1/auth/token) or a partner's X-Api-Key header.";
}
