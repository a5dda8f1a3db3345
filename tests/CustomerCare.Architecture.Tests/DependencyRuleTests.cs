using System.Reflection;

namespace CustomerCare.Architecture.Tests;

/// <summary>Dependencies point inward: Domain ← Application ← Infrastructure ← Api.</summary>
public class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(CustomerCare.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(CustomerCare.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(CustomerCare.Infrastructure.DependencyInjection).Assembly;

    private static string[] References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    private static string[] Offending(Assembly assembly, params string[] forbiddenPrefixes) =>
        References(assembly).Where(name => forbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))).ToArray();

    [Test]
    public void Domain_ReferencesNoOtherLayerNorPersistenceOrWeb()
    {
        Assert.That(Offending(Domain,
                "CustomerCare.Application", "CustomerCare.Infrastructure", "CustomerCare.Api",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "FluentValidation", "AutoMapper"),
            Is.Empty);
    }

    [Test]
    public void Application_ReferencesNeitherInfrastructureNorApiNorNpgsql()
    {
        Assert.That(Offending(Application, "CustomerCare.Infrastructure", "CustomerCare.Api", "Npgsql", "Microsoft.AspNetCore"),
            Is.Empty);
    }

    [Test]
    public void Infrastructure_DoesNotReferenceApi()
    {
        Assert.That(Offending(Infrastructure, "CustomerCare.Api"), Is.Empty);
    }

    [Test]
    public void Api_KnowsNoDatabaseErrors()
    {
        // Database failures are translated in Infrastructure (DatabaseExceptionTranslator); the API maps application exceptions.
        var root = FindRoot();
        var offending = Directory.EnumerateFiles(Path.Combine(root, "src", "Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && new[] { "PostgresException", "SqlState", "DbUpdateException", "DbUpdateConcurrencyException", "NpgsqlException" }
                .Any(word => text.Contains(word, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Layers_AreReferencedInward()
    {
        // Guards the test itself: were the layers not wired at all, the rules above would pass vacuously.
        Assert.Multiple(() =>
        {
            Assert.That(References(Application), Does.Contain("CustomerCare.Domain"));
            Assert.That(References(Infrastructure), Does.Contain("CustomerCare.Application"));
        });
    }

    [Test]
    public void ProjectFiles_ReferenceOnlyInwardProjects()
    {
        // Assembly references list only what the IL uses; the project files say what a layer may use at all.
        var root = FindRoot();
        string[] ProjectReferences(string layer) => File.ReadAllLines(Path.Combine(root, "src", layer, $"CustomerCare.{layer}.csproj"))
            .Where(l => l.Contains("<ProjectReference", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(ProjectReferences("Domain"), Is.Empty);
            Assert.That(ProjectReferences("Application"), Has.Exactly(1).Items.And.All.Contains(@"..\Domain\"));
            Assert.That(ProjectReferences("Infrastructure"), Has.Exactly(1).Items.And.All.Contains(@"..\Application\"));
            Assert.That(ProjectReferences("Api"), Has.Exactly(1).Items.And.All.Contains(@"..\Infrastructure\"));
        });
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerCare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerCare.sln not found");
    }
}
