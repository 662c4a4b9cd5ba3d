global using Dmarc.Enrichment.Tests.Support;
global using Xunit;
