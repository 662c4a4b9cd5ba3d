using Dmarc.Fuzz;
using SharpFuzz;

// fuzz (default): the afl-fuzz target, one input per run on stdin, in a child process that afl may kill on a hang.
// replay FILE|DIR...: reads each input as the fuzzer does and says how it ended; exit 1 when any broke a promise.
// seeds DIR: writes the small hand-made seeds that fuzz/run.sh adds to the generated samples.
return args switch
{
    [] or ["fuzz"] => Fuzz(),
    ["replay", .. var paths] => Replay.Run(paths),
    ["seeds", var directory] => Seeds.Write(directory),
    _ => Usage(),
};

static int Fuzz()
{
    Fuzzer.OutOfProcess.Run(FuzzTarget.ReadAfterWarmUp);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Dmarc.Fuzz [fuzz] | replay FILE|DIR... | seeds DIR");
    return 2;
}
