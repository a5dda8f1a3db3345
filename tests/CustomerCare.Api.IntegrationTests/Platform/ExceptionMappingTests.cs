using System.Text.Json;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.Common;
using CustomerCare.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>Which status each kind of failure is answered with, and that nothing internal is described.</summary>
public class ExceptionMappingTests
{
    [Test]
    public void ToProblem_WhenValidationFails_Is400WithFieldErrors()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new ValidationException("email", "Required."));

        Assert.That(problem, Is.TypeOf<HttpValidationProblemDetails>());
        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(400));
            Assert.That(((HttpValidationProblemDetails)problem).Errors["email"], Is.EqualTo(new[] { "Required." }));
        });
    }

    [Test]
    public void ToProblem_WhenBodyIsMalformedJson_Is400NamingThePath()
    {
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>("{\"count\": \"x\"}"));
        var problem = ProblemDetailsExceptionHandler.ToProblem(new BadHttpRequestException("Failed to read.", json));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(400));
            Assert.That(((HttpValidationProblemDetails)problem).Errors.Keys, Is.EqualTo(new[] { "$.count" }));
            Assert.That(problem.Detail, Does.Not.Contain("System."));
        });
    }

    [Test]
    public void ToProblem_WhenABusinessRuleRefuses_Is409WithTheRuleCode()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new DomainException("complaint.invalidTransition", "Closed is final."));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(409));
            Assert.That(problem.Extensions["code"], Is.EqualTo("complaint.invalidTransition"));
            Assert.That(problem.Detail, Is.EqualTo("Closed is final."));
        });
    }

    [Test]
    public void ToProblem_WhenNotFound_Is404()
    {
        Assert.That(ProblemDetailsExceptionHandler.ToProblem(new NotFoundException("Complaint", Guid.Empty)).Status, Is.EqualTo(404));
    }

    [Test]
    public void ToProblem_WhenRowVersionIsStale_Is412()
    {
        Assert.That(ProblemDetailsExceptionHandler.ToProblem(Translated(new DbUpdateConcurrencyException("stale"))).Status, Is.EqualTo(412));
    }

    [Test]
    public void ToProblem_WhenDatabaseIsUnavailable_Is503()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(
            Translated(new RetryLimitExceededException("retries exhausted", new TimeoutException("timed out"))));

        Assert.That(problem.Status, Is.EqualTo(503));
    }

    [Test]
    public void ToProblem_WhenSomethingUnexpectedFails_Is500WithoutDetail()
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new InvalidOperationException("connection string Password=secret"));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(500));
            Assert.That(problem.Detail, Is.Null);
        });
    }

    private static Exception Translated(Exception exception) => new DatabaseExceptionTranslator().Translate(exception);
}

public class BindingProblemTests
{
    [TestCase("Failed to bind parameter \"Nullable<Role> role\" from \"wizard\".", "role")]
    [TestCase("Required parameter \"int page\" was not provided from query string.", "page")]
    [TestCase("Required parameter \"SignInRequest request\" was not provided from body.", "$")]
    public void ToProblem_WhenAParameterCannotBeBound_Is400NamingItWithoutCSharpTypes(string message, string field)
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(new BadHttpRequestException(message));

        Assert.That(problem, Is.TypeOf<HttpValidationProblemDetails>());
        var errors = ((HttpValidationProblemDetails)problem).Errors;
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Is.EqualTo(new[] { field }));
            Assert.That(string.Join(' ', errors[field]), Does.Not.Contain("Nullable").And.Not.Contain("SignInRequest"));
        });
    }
}
