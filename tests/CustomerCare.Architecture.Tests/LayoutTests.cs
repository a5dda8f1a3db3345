using System.Reflection;
using System.Text.RegularExpressions;
using Mediator;

namespace CustomerCare.Architecture.Tests;

/// <summary>
/// STYLE.md's layout is what the tree shows: one folder per use case (<c>Feature/Commands/Verb/</c>), the command or
/// query and its handler in <c>Verb.cs</c>, the validator beside it in a file named after it; no file holds two use
/// cases; test folders carry src's feature names.
/// </summary>
public partial class LayoutTests
{
    private static readonly Assembly Application = typeof(CustomerCare.Application.DependencyInjection).Assembly;
    private static readonly string Root = RepositoryRoot.Find();

    private static IEnumerable<Type> Messages() =>
        Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IMessage)));

    [Test]
    public void EveryCommandAndQuery_SitsWithItsHandlerInAFileNamedAfterIt_InItsOwnFolder()
    {
        var misplaced = new List<string>();
        foreach (var message in Messages())
        {
            var match = UseCaseName().Match(message.Name);
            if (!match.Success)
            {
                misplaced.Add($"{message.FullName}: name it …Command or …Query");
                continue;
            }

            var useCase = match.Groups["useCase"].Value;
            var kind = match.Groups["kind"].Value == "Command" ? "Commands" : "Queries";
            var feature = message.Namespace!.Split('.')[2];
            var expectedNamespace = $"CustomerCare.Application.{feature}.{kind}.{useCase}";
            if (message.Namespace != expectedNamespace)
            {
                misplaced.Add($"{message.FullName}: expected in namespace {expectedNamespace}");
                continue;
            }

            var folder = Path.Combine(Root, "src", "Application", feature, kind, useCase);
            var file = Path.Combine(folder, useCase + ".cs");
            if (!File.Exists(file) || !Declares(File.ReadAllText(file), message.Name) || !Declares(File.ReadAllText(file), message.Name + "Handler"))
            {
                misplaced.Add($"{message.Name} and {message.Name}Handler: expected in {Path.GetRelativePath(Root, file)}");
            }

            var validator = Application.GetType($"{expectedNamespace}.{message.Name}Validator");
            var validatorFile = Path.Combine(folder, message.Name + "Validator.cs");
            if (validator is not null && !(File.Exists(validatorFile) && Declares(File.ReadAllText(validatorFile), validator.Name)))
            {
                misplaced.Add($"{validator.Name}: expected in {Path.GetRelativePath(Root, validatorFile)}");
            }
        }

        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void NoSourceFile_HoldsMoreThanOneUseCase()
    {
        var declarations = SourceFiles("src/Application")
            .Select(f => (File: f, Count: MessageDeclaration().Matches(File.ReadAllText(f)).Count))
            .ToList();
        var crowded = declarations
            .Where(f => f.Count > 1)
            .Select(f => $"{Path.GetRelativePath(Root, f.File)}: {f.Count} commands/queries")
            .ToList();

        Assert.That(crowded, Is.Empty);
        Assert.That(declarations.Sum(f => f.Count), Is.EqualTo(Messages().Count()), "the source scan finds every command and query");
    }

    [Test]
    public void TestFolders_CarrySourceFeatureNames()
    {
        var features = new[] { "Domain", "Application" }
            .SelectMany(layer => Directory.GetDirectories(Path.Combine(Root, "src", layer)).Select(Path.GetFileName))
            .ToHashSet(StringComparer.Ordinal);
        // Cross-cutting concerns of the API layer and the test harness itself, not features.
        string[] crossCutting = ["Common", "Infrastructure", "Platform", "Security", "Health", "Dashboard", "Faults", "Fuzz", "Behaviours", "Mappings"];

        var strays = Directory.GetDirectories(Path.Combine(Root, "tests"), "*.Tests")
            .Concat(Directory.GetDirectories(Path.Combine(Root, "tests"), "*Tests"))
            .Distinct()
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetRelativePath(Root, d))
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .Where(d => !features.Contains(Path.GetFileName(d)!) && !crossCutting.Contains(Path.GetFileName(d)))
            .ToList();

        Assert.That(strays, Is.Empty, "name test folders after the feature folders in src/");
    }

    [Test]
    public void Api_DeclaresNoRequestMirrors_BodiesBindApplicationInputs()
    {
        // Request bodies bind the Application input records; a record in Api repeating them field by field is a second
        // place for every rule (and was 38 of them).
        var api = typeof(CustomerCare.Api.Endpoints.Complaints).Assembly;
        var mirrors = api.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Request", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null)
            .Select(t => t.FullName)
            .ToList();

        Assert.That(mirrors, Is.Empty);
    }

    [Test]
    public void EveryInputRecord_HasAValidator_TheContractReadsItsLimitsFrom()
    {
        // Inputs with text or lists carry limits (flags-only inputs such as ConsentInput have none).
        var inputs = Application.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Input", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null)
            .Where(t => t.GetProperties().Any(p => p.PropertyType == typeof(string) || (p.PropertyType != typeof(string) && p.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))))
            .ToList();
        var validated = Application.GetTypes()
            .Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        Assert.That(inputs, Has.Count.GreaterThan(30));
        Assert.That(inputs.Where(i => !validated.Contains(i)).Select(i => i.FullName), Is.Empty);
    }

    private static bool Declares(string source, string typeName) =>
        Regex.IsMatch(source, $@"\b(class|record|struct)\s+{Regex.Escape(typeName)}\b");

    private static IEnumerable<string> SourceFiles(string relative) =>
        Directory.EnumerateFiles(Path.Combine(Root, relative), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("^(?<useCase>[A-Z][A-Za-z]+?)(?<kind>Command|Query)$")]
    private static partial Regex UseCaseName();

    [GeneratedRegex(@"\b(record|class)\s+\w+(Command|Query)\b[^{;]*:\s*I(Command|Query)\b")]
    private static partial Regex MessageDeclaration();
}
