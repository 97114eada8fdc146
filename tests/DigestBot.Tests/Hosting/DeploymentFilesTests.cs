using YamlDotNet.RepresentationModel;

namespace DigestBot.Tests.Hosting;

/// <summary>The deployment files keep their safe defaults: a port on loopback, secrets out of git and images, a sandboxed unit.</summary>
public sealed class DeploymentFilesTests
{
    [Fact]
    public void Compose_publishes_the_port_on_loopback_unless_told_otherwise_and_gives_the_container_no_privileges()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "deploy", "compose.yaml"))));
        var service = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"])["digestbot"];

        Assert.Equal(["${DIGESTBOT_PUBLISH:-127.0.0.1:8080}:8080"], ((YamlSequenceNode)service["ports"]).Select(p => ((YamlScalarNode)p).Value));
        Assert.Equal(["ALL"], ((YamlSequenceNode)service["cap_drop"]).Select(p => ((YamlScalarNode)p).Value));
        Assert.Equal(["no-new-privileges:true"], ((YamlSequenceNode)service["security_opt"]).Select(p => ((YamlScalarNode)p).Value));
    }

    [Theory]
    [InlineData(".gitignore", ".env")]
    [InlineData(".dockerignore", "**/.env")]
    public void Env_files_are_ignored(string file, string pattern) =>
        Assert.Contains(pattern, File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, file)));

    [Fact]
    public void The_systemd_unit_is_sandboxed_and_can_write_its_state()
    {
        var settings = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "deploy", "digestbot.service"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0], p => p[1]);

        foreach (var (key, value) in new[]
        {
            ("UMask", "0077"), ("StateDirectory", "digestbot"), ("StateDirectoryMode", "0700"), ("ReadWritePaths", "/var/lib/digestbot"),
            ("NoNewPrivileges", "true"), ("ProtectSystem", "strict"), ("ProtectHome", "true"), ("PrivateTmp", "true"),
            ("PrivateDevices", "true"), ("ProtectKernelTunables", "true"), ("ProtectKernelModules", "true"), ("ProtectControlGroups", "true"),
            ("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6 AF_NETLINK"), ("CapabilityBoundingSet", ""), ("SystemCallFilter", "@system-service"),
        })
        {
            Assert.True(settings[key].Contains(value), $"{key}={value} is missing from the unit");
        }

        // The database the unit points at lies inside the one writable directory.
        Assert.StartsWith("/var/lib/digestbot/", settings["Environment"].Single(e => e.StartsWith("Storage__Path=", StringComparison.Ordinal))["Storage__Path=".Length..], StringComparison.Ordinal);
    }
}
