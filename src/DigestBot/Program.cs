using DigestBot.Cli;

return await CommandLine.RunAsync(args);
