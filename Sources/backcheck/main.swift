import BackCheckCLI
import BuiltinEvaluators

BackCheckCLI.main(evaluators: BuiltinEvaluators.all)
