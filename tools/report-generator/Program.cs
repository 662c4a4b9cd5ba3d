using Dmarc.ReportGenerator;

return args switch
{
    ["large", .. var rest] => GeneratorCommands.Large(rest),
    ["samples", .. var rest] => GeneratorCommands.Samples(rest),
    _ => GeneratorCommands.Help(),
};
