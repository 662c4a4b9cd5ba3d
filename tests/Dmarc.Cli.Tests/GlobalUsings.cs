global using Dmarc.Cli.Tests.Support;
global using Xunit;
