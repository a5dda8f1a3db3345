using System.Text;
using System.Text.RegularExpressions;

namespace CustomerCare.Architecture.Tests;

/// <summary>
/// The texts for people the source code says through <c>LocalizableText</c>: the message arguments of the exceptions
/// the API answers with a text (a refusal, a 404, a field error…) and what members typed <c>LocalizableText</c> return,
/// each as the composite format it becomes (<c>$"At most {max} points."</c> → <c>"At most {0} points."</c>).
/// </summary>
internal static partial class SaidTexts
{
    /// <summary>The calls that take a text, and which argument (0-based) it is.</summary>
    private static readonly Dictionary<string, int> TextArgument = new(StringComparer.Ordinal)
    {
        ["DomainException"] = 1,
        ["Refused"] = 2,
        ["ValidationException"] = 1,
        ["NotFoundException"] = 0,
        ["TooManyRequestsException"] = 1,
        ["ForbiddenException"] = 0,
        ["GoneException"] = 0,
        ["FeatureUnavailableException"] = 0,
        ["PreconditionRequiredException"] = 0,
        ["ExplainedException"] = 0,
        ["EnsureOpen"] = 0,
        ["Abandon"] = 0,
        ["Say"] = 0,
        ["WriteProblemAsync"] = 3,
        ["GetTermAsync"] = 1,
        ["FileTooLargeException"] = 0,
        ["UnsupportedFileTypeException"] = 0,
        ["DeleteTermAsync"] = 3,
    };

    [GeneratedRegex(@"(?:new\s+|:\s*|\b)(?<call>\w+)(?:<[\w\s,.?]*>)?\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\bLocalizableText\??\s+\w+\s*\([^)]*\)\s*(?<body>=>|\{)")]
    private static partial Regex TextMember();

    [GeneratedRegex(@"\berrors\[[^\]]+\]\s*=\s*(?=\$?"")")]
    private static partial Regex AnswerError();

    public static HashSet<string> Find(string root)
    {
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var code = File.ReadAllText(file);
            foreach (Match call in Call().Matches(code))
            {
                if (TextArgument.TryGetValue(call.Groups["call"].Value, out var index)
                    && Arguments(code, call.Index + call.Length) is { } arguments && arguments.Count > index
                    && !(call.Groups["call"].Value == "ValidationException" && arguments.Count < 2))
                {
                    said.UnionWith(Literals(arguments[index]));
                }
            }

            foreach (Match member in TextMember().Matches(code))
            {
                var start = member.Index + member.Length;
                var end = member.Groups["body"].Value == "=>" ? EndOf(code, start, ';') : EndOf(code, start, '}');
                said.UnionWith(Literals(code[start..end]));
            }

            foreach (Match assignment in AnswerError().Matches(code))
            {
                var start = assignment.Index + assignment.Length;
                said.UnionWith(Literals(code[start..EndOf(code, start, ';')]));
            }
        }

        return said;
    }

    /// <summary>The top-level arguments of the call whose '(' ends at <paramref name="start"/>, as source text.</summary>
    private static List<string>? Arguments(string code, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"' || (c == '$' && i + 1 < code.Length && code[i + 1] == '"'))
            {
                i = SkipString(code, i) - 1;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(code[from..i]);
                    return arguments;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(code[from..i]);
                from = i + 1;
            }
        }

        return null;
    }

    /// <summary>Where an expression (up to <paramref name="terminator"/> at depth 0) ends.</summary>
    private static int EndOf(string code, int start, char terminator)
    {
        var depth = terminator == '}' ? 1 : 0;
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"' || (c == '$' && i + 1 < code.Length && code[i + 1] == '"'))
            {
                i = SkipString(code, i) - 1;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (terminator == '}' && depth == 0)
                {
                    return i;
                }
            }
            else if (c == terminator && depth == 0)
            {
                return i;
            }
        }

        return code.Length;
    }

    /// <summary>The string literals in an expression, as formats.</summary>
    private static IEnumerable<string> Literals(string expression)
    {
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] == '"' || (expression[i] == '$' && i + 1 < expression.Length && expression[i + 1] == '"'))
            {
                var end = SkipString(expression, i);
                var format = Format(expression[i..end]);
                if (format.Any(char.IsLetter))
                {
                    yield return format;
                }

                i = end - 1;
            }
        }
    }

    /// <summary>The index just after the (regular or interpolated) string literal at <paramref name="start"/>.</summary>
    private static int SkipString(string code, int start)
    {
        var interpolated = code[start] == '$';
        var i = start + (interpolated ? 2 : 1);
        var holes = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (interpolated && c == '{')
            {
                if (holes == 0 && i + 1 < code.Length && code[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                holes++;
            }
            else if (interpolated && c == '}' && holes > 0)
            {
                holes--;
            }
            else if (c == '"' && holes == 0)
            {
                return i + 1;
            }
            else if (c == '"')
            {
                i = SkipString(code, i);
                continue;
            }

            i++;
        }

        return code.Length;
    }

    /// <summary>A literal's source as the format it becomes: the holes numbered, escapes resolved.</summary>
    private static string Format(string literal)
    {
        var interpolated = literal[0] == '$';
        var body = literal[(interpolated ? 2 : 1)..^1];
        var format = new StringBuilder();
        var hole = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                format.Append(body[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                i++;
            }
            else if (interpolated && c == '{' && i + 1 < body.Length && body[i + 1] == '{')
            {
                format.Append("{{");
                i++;
            }
            else if (interpolated && c == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                format.Append("}}");
                i++;
            }
            else if (interpolated && c == '{')
            {
                var depth = 1;
                while (depth > 0 && ++i < body.Length)
                {
                    if (body[i] == '"')
                    {
                        i = SkipString(body, i) - 1;
                    }
                    else if (body[i] == '{')
                    {
                        depth++;
                    }
                    else if (body[i] == '}')
                    {
                        depth--;
                    }
                }

                format.Append('{').Append(hole++).Append('}');
            }
            else if (!interpolated && (c == '{' || c == '}'))
            {
                format.Append(c, 2);
            }
            else
            {
                format.Append(c);
            }
        }

        return format.ToString();
    }
}
