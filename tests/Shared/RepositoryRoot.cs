namespace CustomerCare.Testing;

/// <summary>Compiled into every test project (tests/Directory.Build.props): where the checkout is.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding CustomerCare.sln, found upwards from the test assembly.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerCare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerCare.sln was not found above " + AppContext.BaseDirectory);
    }
}
