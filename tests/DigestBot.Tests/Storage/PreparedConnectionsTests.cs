using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

public sealed class PreparedConnectionsTests : DatabaseTests
{

    [Fact]
    public async Task A_returned_connection_is_rented_again_with_its_commands_and_fresh_parameters()
    {
        var connections = services.GetRequiredService<PreparedConnections>();
        const string sql = "SELECT $value + 1";

        SqliteCommand first;
        await using (var rented = await connections.RentAsync(default))
        {
            first = rented.Command(sql);
            first.Parameters.AddWithValue("$value", 1);
            Assert.Equal(2L, await first.ExecuteScalarAsync());
        }

        await using (var again = await connections.RentAsync(default))
        {
            var second = again.Command(sql);
            Assert.Same(first, second);
            Assert.Empty(second.Parameters);
            second.Parameters.AddWithValue("$value", 41);
            Assert.Equal(42L, await second.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Connections_rented_at_once_are_different_connections()
    {
        var connections = services.GetRequiredService<PreparedConnections>();

        await using var one = await connections.RentAsync(default);
        await using var two = await connections.RentAsync(default);

        Assert.NotSame(one.Command("SELECT 1"), two.Command("SELECT 1"));
    }
}
