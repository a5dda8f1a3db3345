using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CustomerCare.Architecture.Tests;

/// <summary>
/// Every text of ours that people read exists in English and in Simplified Chinese: each resource file has its zh-CN
/// twin with the same names (and the same placeholders), every validation message the code asks for exists (a
/// missing one would fail at the moment a rule fails), and every text the code says (<see cref="SaidTexts"/>) has its
/// translation (a missing one would be answered in English).
/// </summary>
public sealed partial class TranslationTests
{
    [GeneratedRegex("""ValidationTexts\.(?:Get|Format)\("(?<key>[A-Za-z0-9]+)"|"(?<key>[A-Za-z0-9]+)"\s*:\s*"(?<key2>[A-Za-z0-9]+)"\)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static IEnumerable<string> Neutral() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0);

    [Test]
    public void EveryResource_HasAChineseTwin_WithTheSameNamesAndPlaceholders()
    {
        var files = Neutral().ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var file in files)
        {
            var english = Read(file);
            var chinese = Read(Path.ChangeExtension(file, null) + ".zh-CN.resx");
            Assert.Multiple(() =>
            {
                Assert.That(chinese.Keys.Order(StringComparer.Ordinal), Is.EqualTo(english.Keys.Order(StringComparer.Ordinal)), file);
                foreach (var (name, text) in english)
                {
                    Assert.That(Placeholder().Matches(chinese[name]).Select(m => m.Value).Order(StringComparer.Ordinal),
                        Is.EqualTo(Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)), $"{file}: {name}");
                    Assert.That(Regex.IsMatch(chinese[name], @"\p{IsCJKUnifiedIdeographs}"), Is.True, $"{file}: {name} is not translated");
                }
            });
        }
    }

    [Test]
    public void EveryTextTheCodeSays_HasItsTranslation_AndNoTranslationIsLeftOver()
    {
        var root = RepositoryRoot.Find();
        var messages = Read(Path.Combine(root, "src", "Application", "Resources", "Messages.resx")).Values.ToHashSet(StringComparer.Ordinal);
        var said = SaidTexts.Find(root);

        Assert.Multiple(() =>
        {
            Assert.That(said, Has.Count.GreaterThan(150));
            Assert.That(said.Where(t => !messages.Contains(t)).Order(StringComparer.Ordinal), Is.Empty, "said but not translated");
            Assert.That(messages.Where(t => !said.Contains(t)).Order(StringComparer.Ordinal), Is.Empty, "translated but never said");
        });
    }

    [Test]
    public void EveryValidationMessageTheCodeAsksFor_Exists()
    {
        var root = RepositoryRoot.Find();
        var messages = Read(Path.Combine(root, "src", "Application", "Resources", "ValidationMessages.resx"));
        var source = string.Join('\n', Directory.GetFiles(Path.Combine(root, "src", "Application"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var used = KeyUse().Matches(source).SelectMany(m => new[] { m.Groups["key"].Value, m.Groups["key2"].Value }).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(used, Has.Count.GreaterThan(50));
            Assert.That(used.Where(k => !messages.ContainsKey(k)), Is.Empty, "asked for but missing");
            Assert.That(messages.Keys.Where(k => !used.Contains(k)), Is.Empty, "in the resources but never used");
        });
    }
}
